package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.local.aws.StoreFootprint;

/** ApplicationsFunction's SnapStart hooks: the real path once, nothing stored, nothing sent. */
class ApplicationsPrimingTest {

  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ApplicationsPrimingTest.class);
  }

  @Test
  void primingAnswersNotFoundForTheImpossibleCallShowsAFormMadeInMemoryAndStoresAndSendsNothing() {
    var handler = new ApplicationsHandler(bed.inEnvironment(ApplicationsTestBed.APPLICANT, Map.of(),
        ApplyingConfig::fromEnvironment));
    var priming = new ApplicationsPriming(handler);
    StoreFootprint before = StoreFootprint.of(bed.deployment.aws());

    priming.beforeCheckpoint(null);

    assertThat(priming.failure()).isNull();
    assertThat(priming.answer().getStatusCode()).as(priming.answer().getBody()).isEqualTo(404);
    assertThat(priming.formView()).contains("\"statement\"", "\"portfolio\"");
    assertThat(before.itemsIn(bed.deployment.name("ContentTable"))).isPositive();
    assertThat(StoreFootprint.of(bed.deployment.aws())).isEqualTo(before);
  }

  @Test
  void restoreGivesTheVerificationCodesAFreshRandomSource() throws ReflectiveOperationException {
    var handler = new ApplicationsHandler(bed.inEnvironment(ApplicationsTestBed.APPLICANT, Map.of(),
        ApplyingConfig::fromEnvironment));
    SecureRandom before = codesRandom();

    new ApplicationsPriming(handler).afterRestore(null);

    assertThat(codesRandom()).isNotNull().isNotSameAs(before);
  }

  // The source is private to the codes; only this test needs to see which one they draw from.
  private static SecureRandom codesRandom() throws ReflectiveOperationException {
    var field = EmailVerification.class.getDeclaredField("random");
    field.setAccessible(true);
    return (SecureRandom) field.get(null);
  }
}
