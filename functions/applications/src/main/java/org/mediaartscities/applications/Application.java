package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An artist's application to a call. Personal data: never logged.
 *
 * @param reference the human-readable number, e.g. {@code LYO-2026-0042}, given at creation and shown on the
 *     receipt
 * @param language the language the applicant reads emails in
 * @param answers field id → answer (text, list of texts, or true for a consent)
 * @param team the co-applicants, when the call allows a team (the applicant is not among them)
 * @param tokenHash SHA-256 of the secret access token; the token itself is never stored
 * @param linkSentAt when an access link was last emailed (limits resending)
 * @param extendedUntil a late-submission extension granted by the call's editor or an admin, or null
 * @param expiresAt when the application and everything of it is deleted (the call's close plus the retention
 *     period), by DynamoDB's time to live
 */
record Application(String id, String callId, String callSlug, String reference, String name, String email,
    String language, Map<String, Object> answers, List<TeamMember> team, Status status, Instant createdAt, Instant updatedAt,
    Instant submittedAt, Instant withdrawnAt, String tokenHash, Instant linkSentAt, Instant extendedUntil, Instant expiresAt) {

  Application {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    team = team == null ? List.of() : List.copyOf(team);
  }

  /** Where an application is in its life. */
  enum Status {
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    SHORTLISTED,
    ACCEPTED,
    REJECTED;

    @JsonValue
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Application withAnswers(Map<String, Object> newAnswers, List<TeamMember> newTeam, Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, newAnswers, newTeam, status, createdAt, at,
        submittedAt, withdrawnAt, tokenHash, linkSentAt, extendedUntil, expiresAt);
  }

  Application submitted(Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, answers, team, Status.SUBMITTED,
        createdAt, at, at, withdrawnAt, tokenHash, linkSentAt, extendedUntil, expiresAt);
  }

  Application withdrawn(Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, answers, team, Status.WITHDRAWN,
        createdAt, at, submittedAt, at, tokenHash, linkSentAt, extendedUntil, expiresAt);
  }

  Application withStatus(Status newStatus, Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, answers, team, newStatus, createdAt, at,
        submittedAt, withdrawnAt, tokenHash, linkSentAt, extendedUntil, expiresAt);
  }

  Application extendedUntil(Instant until, Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, answers, team, status, createdAt, at,
        submittedAt, withdrawnAt, tokenHash, linkSentAt, until, expiresAt);
  }

  Application withNewToken(String newTokenHash, Instant at) {
    return new Application(id, callId, callSlug, reference, name, email, language, answers, team, status, createdAt, at,
        submittedAt, withdrawnAt, newTokenHash, at, extendedUntil, expiresAt);
  }
}
