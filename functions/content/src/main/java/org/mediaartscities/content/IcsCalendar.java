package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.Translation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Events as an iCalendar stream (RFC 5545): CRLF line ends, lines folded at 75 octets without splitting a
 * character, text values escaped, times in UTC (so no VTIMEZONE is needed, and every client agrees).
 */
final class IcsCalendar {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_OCTETS = 75;

  private IcsCalendar() {}

  /** The venue's name and address, without saying the name twice when the address starts with it. */
  static String location(String name, String address) {
    if (address == null || address.isBlank()) {
      return name;
    }
    if (name == null || name.isBlank() || address.regionMatches(true, 0, name, 0, name.length())) {
      return address;
    }
    return name + ", " + address;
  }

  static String write(List<Localized> events, String frontendBaseUrl, String calendarName, Instant now) {
    var ics = new StringBuilder();
    line(ics, "BEGIN:VCALENDAR");
    line(ics, "VERSION:2.0");
    line(ics, "PRODID:-//UNESCO Creative Cities of Media Arts//Content API//EN");
    line(ics, "CALSCALE:GREGORIAN");
    line(ics, "METHOD:PUBLISH");
    line(ics, "X-WR-CALNAME:" + text(calendarName));
    for (Localized event : events) {
      ContentItem item = event.item();
      EventDetails details = item.event();
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + item.id() + "@mediaartscities");
      line(ics, "DTSTAMP:" + UTC.format(now));
      line(ics, "DTSTART:" + UTC.format(details.startsAt()));
      line(ics, "DTEND:" + UTC.format(details.endsAt()));
      line(ics, "SUMMARY:" + text(event.field(Translation::title)));
      String summary = event.field(Translation::summary);
      if (summary != null) {
        line(ics, "DESCRIPTION:" + text(summary));
      }
      if (details.venue() != null) {
        line(ics, "LOCATION:" + text(location(details.venue().name(), details.venue().address())));
      }
      line(ics, "URL:" + frontendBaseUrl + "/events/" + item.slug());
      if (!item.tags().isEmpty()) {
        line(ics, "CATEGORIES:" + String.join(",", item.tags().stream().map(IcsCalendar::text).toList()));
      }
      line(ics, "END:VEVENT");
    }
    line(ics, "END:VCALENDAR");
    return ics.toString();
  }

  /** RFC 5545 3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
  static String text(String value) {
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Appends a content line, folded (RFC 5545 3.1) so that no physical line exceeds 75 octets. */
  static void line(StringBuilder out, String line) {
    int octets = 0;
    int limit = MAX_OCTETS;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > limit) {
        out.append("\r\n ");
        octets = 0;
        limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
      }
      out.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    out.append("\r\n");
  }
}
