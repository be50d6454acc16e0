package org.mediaartscities.newsletter;

import java.time.Instant;
import java.util.List;

/**
 * One firing of the digest for one frequency: what it covers, how far its planning got, and its public archive.
 *
 * @param id e.g. {@code weekly-2026-11-30}: the same on a second firing of the same day, so it is planned once
 * @param since what was published after this instant is in it (the previous run's {@code until})
 * @param items how many items the edition holds; a run with none sends nothing
 * @param languages the languages its archive was rendered in
 * @param queued subscribers handed to the sender
 */
record DigestRun(String id, Preferences.Frequency frequency, Instant since, Instant until, Status status, int items,
    List<String> languages, long queued, Instant plannedAt) {

  /** {@code planning} until every subscriber is queued: a retried planner queues again, and the sender dedups. */
  enum Status {
    PLANNING,
    PLANNED,
    EMPTY;

    @com.fasterxml.jackson.annotation.JsonValue
    String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  DigestRun {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  DigestRun planned(long queuedCount, Instant at) {
    return new DigestRun(id, frequency, since, until, Status.PLANNED, items, languages, queuedCount, at);
  }
}
