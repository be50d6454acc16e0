package org.mediaartscities.applications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ApplicationForm.Criterion;
import org.mediaartscities.shared.http.ApiException;

/**
 * Scoring: each reviewer scores every criterion from 1 to its scale; a review's score is the weighted mean of its
 * criteria, each as a share of its scale, from 0 to 100; an application's score is the mean of its reviews'. A
 * recused reviewer's review counts in no mean.
 */
public final class Scores {

  private Scores() {}

  /** A review's scores, checked against the call's criteria: all of them, each within its scale. */
  public static Map<String, Integer> check(ApplicationForm form, Map<String, Integer> scores) {
    if (form.criteria().isEmpty()) {
      throw new ApiException(409, "no_criteria", "This call has no scoring criteria.", null);
    }
    if (scores == null) {
      throw ApiException.invalid("scores", "'scores' gives a score for each criterion.");
    }
    var checked = new LinkedHashMap<String, Integer>();
    for (String id : scores.keySet()) {
      if (form.criteria().stream().noneMatch(c -> c.id().equals(id))) {
        throw ApiException.invalid("scores." + id, "There is no criterion '" + id + "'.");
      }
    }
    for (Criterion criterion : form.criteria()) {
      Integer score = scores.get(criterion.id());
      if (score == null || score < 1 || score > scale(criterion)) {
        throw ApiException.invalid("scores." + criterion.id(), "A score from 1 to " + scale(criterion) + " is needed.");
      }
      checked.put(criterion.id(), score);
    }
    return checked;
  }

  /** The mean of the reviews' weighted scores, 0 to 100 with one decimal; null when nobody reviewed yet. */
  public static Double mean(ApplicationForm form, List<Review> all) {
    List<Review> reviews = all.stream().filter(Review::counts).toList();
    if (reviews.isEmpty() || form.criteria().isEmpty()) {
      return null;
    }
    double total = 0;
    for (Review review : reviews) {
      total += weighted(form, review);
    }
    return Math.round(total / reviews.size() * 10) / 10.0;
  }

  /** One criterion's mean over the reviews, on its own scale; null when nobody reviewed yet. */
  public static Double criterionMean(Criterion criterion, List<Review> reviews) {
    var scores = reviews.stream().filter(Review::counts).map(r -> r.scores().get(criterion.id()))
        .filter(s -> s != null).toList();
    return scores.isEmpty() ? null
        : Math.round(scores.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0;
  }

  private static double weighted(ApplicationForm form, Review review) {
    double sum = 0;
    double weights = 0;
    for (Criterion criterion : form.criteria()) {
      Integer score = review.scores().get(criterion.id());
      if (score != null) {
        double weight = criterion.weight() == null ? 1 : criterion.weight();
        sum += weight * score / scale(criterion);
        weights += weight;
      }
    }
    return weights == 0 ? 0 : sum / weights * 100;
  }

  private static int scale(Criterion criterion) {
    return criterion.scale() == null ? 5 : criterion.scale();
  }
}
