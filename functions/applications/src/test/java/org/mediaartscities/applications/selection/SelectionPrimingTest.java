package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.http.CursorCodec;
import org.mediaartscities.local.aws.StoreFootprint;

/** SelectionFunction's SnapStart hooks: the real path once, nothing stored, nothing sent. */
class SelectionPrimingTest {

  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(SelectionPrimingTest.class);
  }

  private static SelectionConfig config() {
    return bed.inEnvironment(ApplicationsTestBed.SELECTION, Map.of(), SelectionConfig::fromEnvironment);
  }

  @Test
  void primingAnswersNotFoundForTheImpossibleCallAndStoresAndSendsNothing() {
    SelectionConfig config = config();
    var priming = new SelectionPriming(new SelectionHandler(config), config);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getStatusCode()).as(priming.answer().getBody()).isEqualTo(404);
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void restoreGivesTheCursorCodecAFreshRandomSource() throws ReflectiveOperationException {
    SelectionConfig config = config();
    SecureRandom before = randomOf(config.cursors());

    new SelectionPriming(new SelectionHandler(config), config).afterRestore(null);

    assertThat(randomOf(config.cursors())).isNotNull().isNotSameAs(before);
  }

  // The codec keeps its source private; only this test needs to see which one it holds.
  private static SecureRandom randomOf(CursorCodec codec) throws ReflectiveOperationException {
    var field = CursorCodec.class.getDeclaredField("random");
    field.setAccessible(true);
    return (SecureRandom) field.get(codec);
  }
}
