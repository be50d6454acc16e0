package org.mediaartscities.applications;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.http.ApiException;

/**
 * An artist's application to a call, and the one place that says which status may become which: a draft is saved,
 * extended, submitted, withdrawn or deleted; a submitted application is reviewed, decided or withdrawn; a withdrawn
 * one is deleted. Each refused change is a 409 naming why. Personal data: never logged.
 *
 * @param reference the receipt's number, e.g. {@code LYO-2026-0042}, given at submission (null for a draft)
 * @param language the language the applicant reads emails in
 * @param answers field id → answer (text, list of texts, or true for a consent)
 * @param team the co-applicants, when the call allows a team (the applicant is not among them)
 * @param tokenHash SHA-256 of the secret access token given at creation; the token itself is never stored
 * @param linkSentAt when a link to this application was last emailed to its owner (limits resending)
 * @param extendedUntil a late-submission extension granted by the call's editor or an admin, or null
 * @param expiresAt when the application and everything of it is deleted (the call's close plus the retention
 *     period), by DynamoDB's time to live
 * @param form the call's form as it was when the application was created: answers, team, files, reviews and
 *     criteria are checked against it; null in applications stored before forms were copied (see {@link #formOr})
 * @param emailVerifiedAt when the applicant proved the email address is theirs; null until then
 * @param verification the pending one-time code that proves it, or null
 * @param linkTokenHashes hashes of further tokens mailed to the owner when the address applied again (the creation
 *     token is never replaced: a link once given keeps working); the latest {@link #MAX_LINK_TOKENS} only
 * @param accessUntil when the tokens stop opening the application (see {@link #openableAt}); null in older rows
 * @param sentDecision the decision whose email was sent (the only one the applicant sees), or null
 * @param decisionSentAt when that email was sent, or null
 */
public record Application(String id, String callId, String callSlug, String reference, String name, String email,
    String language, Map<String, Object> answers, List<TeamMember> team, Status status, Instant createdAt,
    Instant updatedAt, Instant submittedAt, Instant withdrawnAt, String tokenHash, Instant linkSentAt,
    Instant extendedUntil, Instant expiresAt, ApplicationForm form, Instant emailVerifiedAt,
    Verification verification, List<String> linkTokenHashes, Instant accessUntil, Status sentDecision,
    Instant decisionSentAt) {

  /** How long after its call closes (or its extension ends) a draft never submitted still opens: to export it. */
  public static final Duration DRAFT_ACCESS = Duration.ofDays(30);

  /** How many tokens mailed to the owner (besides the creation token) keep working. */
  public static final int MAX_LINK_TOKENS = 5;

  public Application {
    answers = answers == null ? Map.of() : Map.copyOf(answers);
    team = team == null ? List.of() : List.copyOf(team);
    linkTokenHashes = linkTokenHashes == null ? List.of() : List.copyOf(linkTokenHashes);
  }

  /**
   * A one-time code that proves the email address, stored as its hash.
   *
   * @param attempts wrong codes tried so far
   */
  public record Verification(String codeHash, Instant sentAt, Instant expiresAt, int attempts) {}

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

  /**
   * A new draft, without answers nor receipt number, against {@code form} (the call's form now), whose access token
   * hashes to {@code tokenHash}; it opens until {@link #DRAFT_ACCESS} after the call closes at {@code closesAt}.
   */
  public static Application draft(String id, String callId, String callSlug, ApplicationForm form,
      Applicant applicant, String tokenHash, Instant at, Instant closesAt, Instant expiresAt) {
    return new Application(id, callId, callSlug, null, applicant.name(), applicant.email(), applicant.language(),
        Map.of(), List.of(), Status.DRAFT, at, at, null, null, tokenHash, null, null, expiresAt, form, null, null,
        List.of(), earliest(closesAt.plus(DRAFT_ACCESS), expiresAt), null, null);
  }

  /** The form this application answers: its copy, or {@code current} (the call's form) for older applications. */
  public ApplicationForm formOr(ApplicationForm current) {
    return form != null ? form : current;
  }

  /** Whether the applicant proved the email address is theirs: only then is it submitted or sent anything else. */
  public boolean emailVerified() {
    return emailVerifiedAt != null;
  }

  /** Whether {@code token} opens this application (constant time over every token it has). */
  public boolean matchesToken(String token) {
    boolean match = SecretTokens.matches(token, tokenHash);
    for (String hash : linkTokenHashes) {
      match |= SecretTokens.matches(token, hash);
    }
    return match;
  }

  /**
   * Whether its tokens still open it at {@code now}: a submitted application until it is erased ({@code expiresAt},
   * even if the table's time to live has not removed it yet), a draft until {@link #DRAFT_ACCESS} after its call
   * closed or its extension ended.
   */
  public boolean openableAt(Instant now) {
    return (expiresAt == null || now.isBefore(expiresAt)) && (accessUntil == null || now.isBefore(accessUntil));
  }

  /**
   * The status its applicant sees: a decision only once its email was sent (and then the decision that was sent),
   * before that {@code submitted}.
   */
  public Status applicantStatus() {
    return switch (status) {
      case SHORTLISTED, ACCEPTED, REJECTED -> sentDecision != null ? sentDecision : Status.SUBMITTED;
      default -> status;
    };
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

  /** Refuses to submit an application whose email address was not verified. */
  public void requireEmailVerified() {
    if (!emailVerified()) {
      throw new ApiException(409, "email_not_verified", "Confirm your email address first, with the code we emailed "
          + "you.", "email");
    }
  }

  /**
   * The draft, submitted at {@code at} with its receipt number; the caller has checked the submission window and
   * the address. It now opens until it is erased.
   */
  public Application submitted(Instant at, String receiptNumber) {
    if (!isDraft()) {
      throw new ApiException(409, "read_only", "This application was " + status.id() + ".", null);
    }
    return copy(at, c -> {
      c.status = Status.SUBMITTED;
      c.submittedAt = at;
      c.reference = receiptNumber;
      c.accessUntil = expiresAt;
    });
  }

  /** Withdrawn by the applicant: a draft or a submitted application (a withdrawn one stays as it is). */
  public Application withdrawn(Instant at) {
    if (status == Status.WITHDRAWN) {
      return this;
    }
    if (status != Status.DRAFT && status != Status.SUBMITTED) {
      // The same words whether or not the decision was mailed: a refusal must not tell one before its email.
      throw new ApiException(409, "read_only", "This application can no longer be withdrawn; write to the call's "
          + "contact.", null);
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

  /**
   * The decision {@code mailed} was emailed to the applicant at {@code at}: from now on they see it. Called by the
   * outbox when it sends the decision's email.
   */
  public Application decisionSent(Status mailed, Instant at) {
    if (mailed != Status.SHORTLISTED && mailed != Status.ACCEPTED && mailed != Status.REJECTED) {
      throw new IllegalArgumentException("Not a decision: " + mailed);
    }
    return copy(at, c -> {
      c.sentDecision = mailed;
      c.decisionSentAt = at;
    });
  }

  /** A draft whose applicant alone may submit until {@code until}; the window has checked the date. */
  public Application extendedUntil(Instant until, Instant at) {
    if (!isDraft()) {
      throw new ApiException(409, "not_draft", "Only an application not yet submitted can be extended.", null);
    }
    return copy(at, c -> {
      c.extendedUntil = until;
      if (c.accessUntil != null) {
        c.accessUntil = earliest(later(c.accessUntil, until.plus(DRAFT_ACCESS)), expiresAt);
      }
    });
  }

  /**
   * One more token, mailed to the owner at {@code at}; every earlier one keeps working (only the oldest mailed
   * tokens beyond {@link #MAX_LINK_TOKENS} are forgotten, never the creation token).
   */
  public Application withLinkToken(String newTokenHash, Instant at) {
    return copy(at, c -> {
      var hashes = new ArrayList<>(c.linkTokenHashes);
      hashes.add(newTokenHash);
      c.linkTokenHashes = hashes.subList(Math.max(0, hashes.size() - MAX_LINK_TOKENS), hashes.size());
      c.linkSentAt = at;
    });
  }

  /** A new one-time code (replacing any pending one), mailed at {@code at}. */
  public Application withVerificationCode(String codeHash, Instant at, Instant expires) {
    return copy(at, c -> c.verification = new Verification(codeHash, at, expires, 0));
  }

  /** One more wrong code tried. */
  public Application withFailedVerification(Instant at) {
    return copy(at, c -> c.verification = new Verification(verification.codeHash(), verification.sentAt(),
        verification.expiresAt(), verification.attempts() + 1));
  }

  /** The address proved at {@code at}; the code is spent. */
  public Application verified(Instant at) {
    return copy(at, c -> {
      c.emailVerifiedAt = at;
      c.verification = null;
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
    return new Application(id, callId, callSlug, c.reference, name, email, language, c.answers, c.team, c.status,
        createdAt, at, c.submittedAt, c.withdrawnAt, tokenHash, c.linkSentAt, c.extendedUntil, expiresAt, form,
        c.emailVerifiedAt, c.verification, c.linkTokenHashes, c.accessUntil, c.sentDecision, c.decisionSentAt);
  }

  private static Instant earliest(Instant a, Instant b) {
    return b == null || a.isBefore(b) ? a : b;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /**
   * What a change may touch; the identity, the applicant, the form copy, the creation token and the dates of
   * creation and expiry never change.
   */
  private static final class Changes {
    String reference;
    Map<String, Object> answers;
    List<TeamMember> team;
    Status status;
    Instant submittedAt;
    Instant withdrawnAt;
    Instant linkSentAt;
    Instant extendedUntil;
    Instant emailVerifiedAt;
    Verification verification;
    List<String> linkTokenHashes;
    Instant accessUntil;
    Status sentDecision;
    Instant decisionSentAt;

    Changes(Application from) {
      reference = from.reference;
      answers = from.answers;
      team = from.team;
      status = from.status;
      submittedAt = from.submittedAt;
      withdrawnAt = from.withdrawnAt;
      linkSentAt = from.linkSentAt;
      extendedUntil = from.extendedUntil;
      emailVerifiedAt = from.emailVerifiedAt;
      verification = from.verification;
      linkTokenHashes = from.linkTokenHashes;
      accessUntil = from.accessUntil;
      sentDecision = from.sentDecision;
      decisionSentAt = from.decisionSentAt;
    }
  }
}
