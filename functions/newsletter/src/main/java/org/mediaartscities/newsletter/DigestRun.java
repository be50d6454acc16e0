package org.mediaartscities.newsletter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One firing of the digest for one frequency: what it covers, how far its planning got, and its public archive.
 *
 * @param id e.g. {@code weekly-2026-11-30}, after the day it is run as of: the same on a second firing of the same
 *     day, so it is planned once
 * @param since what was published after this instant is in it: the {@code until} of the previous run of its chain
 * @param until what was published up to this instant is in it: the earlier of the time it is run as of and the
 *     planner's clock when it was planned
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

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  DigestRun {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** The day it is run as of (in the digest's time zone), which names it. */
  LocalDate day() {
    return LocalDate.parse(id.substring(id.indexOf('-') + 1));
  }

  /** A run being planned: its window and edition are known, nobody is queued yet. */
  static DigestRun planning(String id, Preferences.Frequency frequency, Instant since, Instant until, int items,
      List<String> languages) {
    return new DigestRun(id, frequency, since, until, Status.PLANNING, items, languages, 0, null);
  }

  /** Nothing was published in its window: it sends nothing and is not archived. */
  DigestRun empty(Instant at) {
    return new DigestRun(id, frequency, since, until, Status.EMPTY, 0, List.of(), 0, at);
  }

  DigestRun planned(long queuedCount, Instant at) {
    return new DigestRun(id, frequency, since, until, Status.PLANNED, items, languages, queuedCount, at);
  }
}
