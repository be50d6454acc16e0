package org.mediaartscities.newsletter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * What a subscriber receives.
 *
 * @param languages best first; each item is read in the first it has, as the public API does
 * @param cities city slugs; empty means every city
 * @param topics among news, events and calls
 */
record Preferences(List<String> languages, List<String> cities, List<Topic> topics, Frequency frequency) {

  Preferences {
    languages = languages == null ? List.of() : List.copyOf(languages);
    cities = cities == null ? List.of() : List.copyOf(cities);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** What a digest can carry. */
  enum Topic {
    NEWS,
    EVENTS,
    CALLS;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** How often a subscriber hears from us: weekly digests, or the first digest of each month. */
  enum Frequency {
    WEEKLY,
    MONTHLY;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
