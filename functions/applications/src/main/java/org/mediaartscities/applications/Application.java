package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mediaartscities.shared.http.ApiException;

/**
 * An artist's application to a call, and the one place that says which status may become which: a draft is saved,
 * extended, submitted, withdrawn or deleted; a submitted application is reviewed, decided or withdrawn; a withdrawn
 * one is deleted. Each refused change is a 409 naming why. Personal data: never logged.
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
public record Application(String id, String callId, String callSlug, String reference, String name, String email,
    String language, Map<String, Object> answers, List<TeamMember> team, Status status, Instant createdAt,
    Instant updatedAt, Instant submittedAt, Instant withdrawnAt, String tokenHash, Instant linkSentAt,
    Instant extendedUntil, Instant expiresAt) {

  public Application {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    team = team == null ? List.of() : List.copyOf(team);
  }

  /** Where an application is in its life. */
  public enum Status {
    DRAFT,
    SUBMITTED,
    WITHDRAWN,
    SHORTLISTED,
    ACCEPTED,
    REJECTED;

    @JsonValue
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Who applies, to which call, from where: what a new draft starts with. */
  public record Applicant(String name, String email, String language) {}

  /** A new draft, without answers, whose access token hashes to {@code tokenHash}. */
  public static Application draft(String id, String callId, String callSlug, String reference, Applicant applicant,
      String tokenHash, Instant at, Instant expiresAt) {
    return new Application(id, callId, callSlug, reference, applicant.name(), applicant.email(), applicant.language(),
        Map.of(), List.of(), Status.DRAFT, at, at, null, null, tokenHash, at, null, expiresAt);
  }

  /** Whether the applicant may still change it (answers, team, files) or an editor extend it: a draft. */
  public boolean isDraft() {
    return status == Status.DRAFT;
  }

  /** Whether it was submitted and not withdrawn since: it holds a receipt and is the jury's to review and decide. */
  public boolean isSubmitted() {
    return submittedAt != null && status != Status.WITHDRAWN;
  }

  /** Refuses any change by the applicant once it left the draft status. */
  public void requireDraft() {
    if (!isDraft()) {
      throw new ApiException(409, "read_only", "This application was " + status.id()
          + " and can no longer be changed.", null);
    }
  }

  /** Refuses a review or a decision of an application that is not submitted. */
  public void requireSubmitted(String what) {
    if (!isSubmitted()) {
      throw new ApiException(409, "not_submitted", "Only submitted applications " + what + ".", null);
    }
  }

  /** Refuses to erase anything but a draft or a withdrawn application: a submitted one is withdrawn first. */
  public void requireDeletable() {
    if (status != Status.DRAFT && status != Status.WITHDRAWN) {
      throw new ApiException(409, "withdraw_first", "A submitted application is withdrawn before it is deleted.",
          null);
    }
  }

  /** The draft with new answers and team. */
  public Application saved(Map<String, Object> newAnswers, List<TeamMember> newTeam, Instant at) {
    requireDraft();
    return copy(at, c -> {
      c.answers = newAnswers;
      c.team = newTeam;
    });
  }

  /** The draft, submitted at {@code at}; the caller has checked the submission window. */
  public Application submitted(Instant at) {
    if (!isDraft()) {
      throw new ApiException(409, "read_only", "This application was " + status.id() + ".", null);
    }
    return copy(at, c -> {
      c.status = Status.SUBMITTED;
      c.submittedAt = at;
    });
  }

  /** Withdrawn by the applicant: a draft or a submitted application (a withdrawn one stays as it is). */
  public Application withdrawn(Instant at) {
    if (status == Status.WITHDRAWN) {
      return this;
    }
    if (status != Status.DRAFT && status != Status.SUBMITTED) {
      throw new ApiException(409, "read_only", "A decided application cannot be withdrawn.", null);
    }
    return copy(at, c -> {
      c.status = Status.WITHDRAWN;
      c.withdrawnAt = at;
    });
  }

  /** Shortlisted, accepted or rejected by the call's editors; a decision may be changed until it is mailed. */
  public Application decided(Status decision, Instant at) {
    if (decision != Status.SHORTLISTED && decision != Status.ACCEPTED && decision != Status.REJECTED) {
      throw new IllegalArgumentException("Not a decision: " + decision);
    }
    requireSubmitted("can be decided");
    return copy(at, c -> c.status = decision);
  }

  /** A draft whose applicant alone may submit until {@code until}; the window has checked the date. */
  public Application extendedUntil(Instant until, Instant at) {
    if (!isDraft()) {
      throw new ApiException(409, "not_draft", "Only an application not yet submitted can be extended.", null);
    }
    return copy(at, c -> c.extendedUntil = until);
  }

  /** A new access token, mailed at {@code at}. */
  public Application withNewToken(String newTokenHash, Instant at) {
    return copy(at, c -> {
      c.tokenHash = newTokenHash;
      c.linkSentAt = at;
    });
  }

  /** For tests of the store: the same application in another status, as another writer could have left it. */
  public Application withStatus(Status newStatus, Instant at) {
    return copy(at, c -> c.status = newStatus);
  }

  /** A copy updated at {@code at}, with the changes {@code change} makes: the withers above say which, when. */
  private Application copy(Instant at, Consumer<Changes> change) {
    var c = new Changes(this);
    change.accept(c);
    return new Application(id, callId, callSlug, reference, name, email, language, c.answers, c.team, c.status,
        createdAt, at, c.submittedAt, c.withdrawnAt, c.tokenHash, c.linkSentAt, c.extendedUntil, expiresAt);
  }

  /** What a change may touch; the identity, the applicant and the dates of creation and expiry never change. */
  private static final class Changes {
    Map<String, Object> answers;
    List<TeamMember> team;
    Status status;
    Instant submittedAt;
    Instant withdrawnAt;
    String tokenHash;
    Instant linkSentAt;
    Instant extendedUntil;

    Changes(Application from) {
      answers = from.answers;
      team = from.team;
      status = from.status;
      submittedAt = from.submittedAt;
      withdrawnAt = from.withdrawnAt;
      tokenHash = from.tokenHash;
      linkSentAt = from.linkSentAt;
      extendedUntil = from.extendedUntil;
    }
  }
}
