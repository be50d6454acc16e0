package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.http.CursorCodec;
import org.mediaartscities.local.aws.StoreFootprint;

/** ContentFunction's SnapStart hooks, on the sample data: the real path once, nothing stored, nothing sent. */
class ContentPrimingTest {

  private static ContentTestBed bed;

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentPrimingTest.class);
    SampleData.seed(bed.store, java.time.Instant.now());
  }

  private static ContentConfig config() {
    return ScopedValue.where(Env.SCOPED, bed.deployment.functions().environment("ContentFunction"))
        .call(ContentConfig::fromEnvironment);
  }

  @Test
  void primingAnswersNotFoundForTheImpossibleSlugAnEmptyListForItsCityAndStoresAndSendsNothing() {
    ContentConfig config = config();
    var priming = new ContentPriming(new ContentHandler(config), config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getStatusCode()).isEqualTo(404);
    assertThat(priming.answer().getBody()).contains("\"error\"");
    assertThat(priming.listAnswer().getStatusCode()).isEqualTo(200);
    assertThat(priming.listAnswer().getBody()).contains("\"items\":[]");
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void theImpossibleSlugIsAValidSlugNoStoredItemCanHave() {
    assertThat(ListParameters.isSlug(ContentPriming.IMPOSSIBLE_SLUG)).isTrue();
    assertThat(ContentPriming.IMPOSSIBLE_SLUG.length()).isGreaterThan(80);
  }

  @Test
  void restoreGivesTheCursorCodecAFreshRandomSource() throws ReflectiveOperationException {
    ContentConfig config = config();
    var priming = new ContentPriming(new ContentHandler(config), config);
    SecureRandom before = randomOf(config.cursors());

    priming.afterRestore(null);

    assertThat(randomOf(config.cursors())).isNotNull().isNotSameAs(before);
  }

  // The codec keeps its source private; only this test needs to see which one it holds.
  private static SecureRandom randomOf(CursorCodec codec) throws ReflectiveOperationException {
    var field = CursorCodec.class.getDeclaredField("random");
    field.setAccessible(true);
    return (SecureRandom) field.get(codec);
  }
}
