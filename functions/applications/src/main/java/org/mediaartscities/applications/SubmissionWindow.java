package org.mediaartscities.applications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.http.ApiException;

/**
 * When a call takes applications, by the server's clock alone: from {@code opensAt} (included) to {@code closesAt}
 * (excluded), as {@link CallDetails#statusAt} says. A new draft may be opened before the call opens but not after
 * it closes; a draft is submitted while the call is open, or until the end of an extension an editor granted its
 * applicant alone.
 *
 * @param call the call's dates, and the zone in which they are shown to applicants
 */
public record SubmissionWindow(CallDetails call) {

  public static SubmissionWindow of(CallDetails call) {
    return new SubmissionWindow(call);
  }

  public Instant opensAt() {
    return call.opensAt();
  }

  public Instant closesAt() {
    return call.closesAt();
  }

  public String timeZone() {
    return call.timeZone();
  }

  /** Upcoming, open or closed at {@code now}. */
  public CallStatus statusAt(Instant now) {
    return call.statusAt(now);
  }

  /** The call's status for one application: closed becomes open while its extension lasts. */
  public CallStatus statusAt(Instant now, Application application) {
    CallStatus status = statusAt(now);
    Instant extendedUntil = application.extendedUntil();
    if (status == CallStatus.CLOSED && extendedUntil != null && now.isBefore(extendedUntil)) {
      return CallStatus.OPEN; // a late-submission extension for this applicant alone
    }
    return status;
  }

  /** Refuses a new application once the call has closed (before it opens, a draft may be prepared). */
  public void requireOpenForNewApplications(Instant now) {
    if (statusAt(now) == CallStatus.CLOSED) {
      throw closed();
    }
  }

  /** Refuses to submit {@code application} outside the window (its extension included). */
  public void requireOpenForSubmission(Instant now, Application application) {
    CallStatus status = statusAt(now, application);
    if (status == CallStatus.CLOSED) {
      throw closed();
    }
    if (status == CallStatus.UPCOMING) {
      throw new ApiException(409, "call_not_open", "This call opens on " + local(opensAt()) + "; submit it then.",
          null);
    }
  }

  /** Refuses an extension that would not end after the deadline, in the future. */
  public void requireExtension(Instant until, Instant now) {
    if (!until.isAfter(closesAt()) || !until.isAfter(now)) {
      throw ApiException.invalid("until", "An extension ends after the call's deadline, in the future.");
    }
  }

  /** An instant as the call's zone reads it, with its offset: {@code 2026-12-01T18:00:00+01:00}. */
  public String local(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(timeZone())).toOffsetDateTime());
  }

  private ApiException closed() {
    return new ApiException(409, "call_closed", "This call closed on " + local(closesAt())
        + "; applications are no longer accepted.", null);
  }
}
