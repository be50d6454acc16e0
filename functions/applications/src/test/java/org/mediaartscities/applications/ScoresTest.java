package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.SubmissionWindowTest.refusal;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ApplicationForm.Criterion;

/** A review scores every criterion within its scale; scores are weighted shares of each scale, 0 to 100. */
class ScoresTest {

  private static final Criterion QUALITY = new Criterion("quality", null, 2.0, 5);
  private static final Criterion FEASIBILITY = new Criterion("feasibility", null, null, 10);
  private static final ApplicationForm FORM = new ApplicationForm(List.of(), true, 0, List.of(QUALITY, FEASIBILITY),
      false);

  private static Review review(int quality, int feasibility) {
    return new Review("r", Map.of("quality", quality, "feasibility", feasibility), null, Instant.EPOCH);
  }

  @Test
  void aReviewScoresEveryCriterionWithinItsScale() {
    assertThat(Scores.check(FORM, Map.of("quality", 1, "feasibility", 10))).containsExactly(
        Map.entry("quality", 1), Map.entry("feasibility", 10));
    assertThat(refusal(() -> Scores.check(FORM, Map.of("quality", 0, "feasibility", 5))).field())
        .isEqualTo("scores.quality");
    assertThat(refusal(() -> Scores.check(FORM, Map.of("quality", 5, "feasibility", 11))).field())
        .isEqualTo("scores.feasibility");
    assertThat(refusal(() -> Scores.check(FORM, Map.of("quality", 5))).field()).isEqualTo("scores.feasibility");
    var extra = new HashMap<>(Map.of("quality", 5, "feasibility", 5));
    extra.put("charm", 3);
    assertThat(refusal(() -> Scores.check(FORM, extra)).field()).isEqualTo("scores.charm");
    assertThat(refusal(() -> Scores.check(FORM, null)).field()).isEqualTo("scores");
  }

  @Test
  void aCallWithoutCriteriaTakesNoScores() {
    var none = new ApplicationForm(List.of(), true, 0, List.of(), false);

    assertThat(refusal(() -> Scores.check(none, Map.of())).code()).isEqualTo("no_criteria");
    assertThat(Scores.mean(none, List.of(review(5, 10)))).isNull();
  }

  @Test
  void theMeanWeighsEachCriterionAsAShareOfItsScale() {
    // (2 × 5/5 + 1 × 5/10) / 3 = 0.8333 → 83.3; (2 × 1/5 + 1 × 10/10) / 3 = 0.4667 → 46.7
    assertThat(Scores.mean(FORM, List.of(review(5, 5)))).isEqualTo(83.3);
    assertThat(Scores.mean(FORM, List.of(review(1, 10)))).isEqualTo(46.7);
    assertThat(Scores.mean(FORM, List.of(review(5, 5), review(1, 10)))).isEqualTo(65.0);
    assertThat(Scores.mean(FORM, List.of())).isNull();
  }

  @Test
  void aCriterionsMeanIsOnItsOwnScale() {
    assertThat(Scores.criterionMean(FEASIBILITY, List.of(review(5, 5), review(1, 10)))).isEqualTo(7.5);
    assertThat(Scores.criterionMean(QUALITY, List.of())).isNull();
  }
}
