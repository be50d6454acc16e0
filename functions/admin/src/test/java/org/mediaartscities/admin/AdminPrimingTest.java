package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.http.CursorCodec;
import org.mediaartscities.local.aws.StoreFootprint;

/** AdminFunction's SnapStart hooks, on the sample data: the real path once, nothing stored, nothing sent. */
class AdminPrimingTest {

  private static AdminTestBed bed;

  @BeforeAll
  static void seed() {
    bed = new AdminTestBed(AdminPrimingTest.class);
    SampleData.seed(bed.store, Instant.now());
  }

  private static AdminConfig config() {
    return ScopedValue.where(Env.SCOPED, bed.deployment.functions().environment("AdminFunction"))
        .call(AdminConfig::fromEnvironment);
  }

  @Test
  void primingAnswersNotFoundForTheImpossibleCallAnEmptyListForItsCityAndStoresAndSendsNothing() {
    AdminConfig config = config();
    var priming = new AdminPriming(new AdminHandler(config), config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getStatusCode()).as(priming.answer().getBody()).isEqualTo(404);
    assertThat(priming.listAnswer().getStatusCode()).as(priming.listAnswer().getBody()).isEqualTo(200);
    assertThat(priming.listAnswer().getBody()).contains("\"items\":[]");
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void restoreGivesTheCursorCodecAFreshRandomSource() throws ReflectiveOperationException {
    AdminConfig config = config();
    var priming = new AdminPriming(new AdminHandler(config), config);
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
