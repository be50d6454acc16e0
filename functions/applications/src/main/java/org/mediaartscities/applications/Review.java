package org.mediaartscities.applications;

import java.time.Instant;
import java.util.Map;

/**
 * One reviewer's scores (criterion id → 1 to the criterion's scale) and comment on an application.
 *
 * @param reviewer the reviewer's token subject
 */
public record Review(String reviewer, Map<String, Integer> scores, String comment, Instant at) {

  public Review {
    scores = scores == null ? Map.of() : Map.copyOf(scores);
  }
}
