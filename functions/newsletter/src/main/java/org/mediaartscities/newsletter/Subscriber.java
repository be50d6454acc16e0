package org.mediaartscities.newsletter;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One email address and what it wants to receive. Personal data: never logged (the id is a hash of the address).
 *
 * @param id a keyed hash of the lower-cased address ({@link SubscriberIds}): one subscriber per address, whoever asks
 * @param confirmTokenHash SHA-256 of the pending confirmation token; the token itself is never stored
 * @param confirmationSentAt when a confirmation (or reminder) was last mailed: resending waits a cooldown
 * @param manageEpoch part of every preferences and unsubscribe token; raised at each confirmation, so that links
 *     from before an unsubscription stop working once the address subscribes anew
 */
record Subscriber(String id, String email, Preferences preferences, Status status, Instant createdAt,
    Instant updatedAt, Instant confirmedAt, String confirmTokenHash, Instant confirmExpiresAt,
    Instant confirmationSentAt, int manageEpoch, Instant unsubscribedAt, String suppressedBecause) {

  /** Where a subscriber is. Only {@code confirmed} ones are mailed digests. */
  enum Status {
    PENDING,
    CONFIRMED,
    UNSUBSCRIBED,
    SUPPRESSED;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A new address, asked to confirm with the token whose hash is {@code tokenHash}. */
  static Subscriber pending(String id, String email, Preferences preferences, String tokenHash, Instant expires,
      Instant now) {
    return new Subscriber(id, email, preferences, Status.PENDING, now, now, null, tokenHash, expires, now, 0, null,
        null);
  }

  /** Asked again while pending: new preferences and a new confirmation token. */
  Subscriber reconfirming(Preferences newPreferences, String tokenHash, Instant expires, Instant now) {
    return new Subscriber(id, email, newPreferences, Status.PENDING, createdAt, now, null, tokenHash, expires, now,
        manageEpoch, unsubscribedAt, suppressedBecause);
  }

  Subscriber confirmed(Instant now) {
    return new Subscriber(id, email, preferences, Status.CONFIRMED, createdAt, now, now, confirmTokenHash,
        confirmExpiresAt, confirmationSentAt, manageEpoch + 1, null, null);
  }

  Subscriber withPreferences(Preferences newPreferences, Instant now) {
    return new Subscriber(id, email, newPreferences, status, createdAt, now, confirmedAt, confirmTokenHash,
        confirmExpiresAt, confirmationSentAt, manageEpoch, unsubscribedAt, suppressedBecause);
  }

  /** A reminder with the preferences link was mailed to a confirmed address that asked to subscribe again. */
  Subscriber reminded(Instant now) {
    return new Subscriber(id, email, preferences, status, createdAt, updatedAt, confirmedAt, confirmTokenHash,
        confirmExpiresAt, now, manageEpoch, unsubscribedAt, suppressedBecause);
  }

  Subscriber unsubscribed(Instant now) {
    return new Subscriber(id, email, preferences, Status.UNSUBSCRIBED, createdAt, now, confirmedAt, null, null,
        confirmationSentAt, manageEpoch, now, suppressedBecause);
  }

  /** The same subscriber under its current id (a legacy row moving, see {@link SubscriberIds}). */
  Subscriber withId(String newId) {
    return new Subscriber(newId, email, preferences, status, createdAt, updatedAt, confirmedAt, confirmTokenHash,
        confirmExpiresAt, confirmationSentAt, manageEpoch, unsubscribedAt, suppressedBecause);
  }

  /**
   * SES reported a hard bounce or a complaint: never mailed again, whoever subscribes the address, until an operator
   * lifts the suppression (docs/OPERATIONS.md).
   */
  Subscriber suppressed(String because, Instant now) {
    return new Subscriber(id, email, preferences, Status.SUPPRESSED, createdAt, now, confirmedAt, null, null,
        confirmationSentAt, manageEpoch, unsubscribedAt, because);
  }
}
