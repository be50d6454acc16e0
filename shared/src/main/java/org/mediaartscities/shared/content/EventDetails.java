package org.mediaartscities.shared.content;

import java.time.Instant;

/**
 * What an event has beyond the common fields.
 *
 * @param timeZone the IANA zone the event happens in (and its times are shown in)
 * @param venue where it happens, or null for an online-only event
 * @param onlineUrl where to follow it online, or null
 * @param attendanceMode {@code offline}, {@code online} or {@code mixed}
 */
public record EventDetails(
    Instant startsAt, Instant endsAt, String timeZone, Venue venue, String onlineUrl, String attendanceMode) {

  /** A physical place. */
  public record Venue(String name, String address) {}
}
