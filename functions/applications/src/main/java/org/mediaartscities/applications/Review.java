package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * One reviewer's scores (criterion id → 1 to the criterion's scale) and comment on an application, or their recusal
 * from it. A recused reviewer's scores, if any were given before, stay for the record and count in no mean.
 *
 * @param reviewer the reviewer's token subject
 * @param email the reviewer's verified address when they wrote it (for the call's editors), or null
 * @param recusal why and when the reviewer recused themselves, or null
 */
public record Review(String reviewer, Map<String, Integer> scores, String comment, Instant at, String email,
    Recusal recusal) {

  public Review {
    scores = scores == null ? Map.of() : Map.copyOf(scores);
  }

  public Review(String reviewer, Map<String, Integer> scores, String comment, Instant at) {
    this(reviewer, scores, comment, at, null, null);
  }

  /** A reviewer's reason for not judging an application (a conflict of interest), in their words. */
  public record Recusal(String reason, Instant at) {}

  /** A recusal by a reviewer who had not reviewed. */
  public static Review recusal(String reviewer, String email, String reason, Instant at) {
    return new Review(reviewer, Map.of(), null, null, email, new Recusal(reason, at));
  }

  /** This review, withdrawn from the mean by its reviewer's recusal. */
  public Review recused(String reason, Instant when) {
    return new Review(reviewer, scores, comment, at, email, new Recusal(reason, when));
  }

  @JsonIgnore
  public boolean isRecusal() {
    return recusal != null;
  }

  /** Whether it counts in the application's score: scores given, and no recusal. */
  @JsonIgnore
  public boolean counts() {
    return recusal == null && !scores.isEmpty();
  }
}
