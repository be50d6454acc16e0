package org.mediaartscities.shared.content;

import java.time.Instant;

/**
 * What a call for applications has beyond the common fields.
 *
 * @param timeZone the IANA zone its dates were written in, and are shown in
 * @param form how to apply, or null when the call takes no applications through the site
 */
public record CallDetails(Instant opensAt, Instant closesAt, String timeZone, Contact contact, ApplicationForm form) {

  public CallDetails(Instant opensAt, Instant closesAt, String timeZone, Contact contact) {
    this(opensAt, closesAt, timeZone, contact, null);
  }

  /** The same call with another form (null: none). */
  public CallDetails withForm(ApplicationForm form) {
    return new CallDetails(opensAt, closesAt, timeZone, contact, form);
  }

  /** Where applicants ask their questions. */
  public record Contact(String email, String url) {}

  /** Whether the call takes applications at {@code now}, by the server's clock. */
  public CallStatus statusAt(Instant now) {
    if (now.isBefore(opensAt)) {
      return CallStatus.UPCOMING;
    }
    return now.isBefore(closesAt) ? CallStatus.OPEN : CallStatus.CLOSED;
  }
}
