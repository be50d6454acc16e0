package org.mediaartscities.newsletter;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the newsletter functions' SnapStart priming builds mail for: a subscriber nobody is (an address under the
 * reserved {@code .invalid} domain, never stored, never mailed) and one item. Nothing here is stored or sent.
 */
final class PrimingSamples {

  /** Runs are named {@code <frequency>-<ISO date>}: no date has month 00, so no run has this id. */
  static final String IMPOSSIBLE_RUN = "weekly-0000-00-00";
  static final String FROM = "SnapStart priming <priming@example.invalid>";

  private PrimingSamples() {}

  static Subscriber subscriber(Instant now) {
    var preferences = new Preferences(List.of("en", "fr"), List.of(), List.of(Preferences.Topic.values()),
        Preferences.Frequency.WEEKLY);
    return Subscriber.pending("snapstart-priming", "priming@example.invalid", preferences, null, null, now)
        .confirmed(now);
  }

  static DigestItem item(Instant now) {
    return new DigestItem(Preferences.Topic.NEWS, "snapstart-priming", "snapstart-priming", null, "en",
        Map.of("en", new DigestItem.Text("Priming", "A digest nobody receives.")), null, null, null, null, now,
        null, Map.of());
  }
}
