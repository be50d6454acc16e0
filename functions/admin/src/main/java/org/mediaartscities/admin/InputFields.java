package org.mediaartscities.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.text.FieldRules;

/**
 * How one field of an editor's input is read: cleaned by the shared {@link FieldRules}, bounded, and refused with a
 * 400 naming the field.
 */
final class InputFields {

  static final int MAX_LIST = 100;
  static final int MAX_URL = 2_000;

  private InputFields() {}

  /** A one-line field (a title, a name), cleaned; null when blank. */
  static String oneLine(String field, String value, int max) {
    return bounded(field, FieldRules.oneLine(value), max);
  }

  /** A multi-line field (a summary, a body), cleaned with its line breaks kept; null when blank. */
  static String multiLine(String field, String value, int max) {
    return bounded(field, FieldRules.multiLine(value), max);
  }

  /** An http(s) address, trimmed; null when blank. */
  static String url(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String url = value.strip();
    if (url.length() > MAX_URL || !FieldRules.isHttpUrl(url)) {
      throw ApiException.invalid(field, "'" + field + "' must be an http(s) address.");
    }
    return url;
  }

  /** A date and time with its offset, such as 2026-12-01T18:30:00+01:00. */
  static Instant instant(String field, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "'" + field + "' must be a date and time with its offset, such as "
          + "2026-12-01T18:30:00+01:00.");
    }
  }

  /** A required IANA time zone, in its canonical spelling. */
  static String zone(String zone) {
    String value = required("timeZone", zone);
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      throw ApiException.invalid("timeZone", "'timeZone' must be an IANA time zone such as Europe/Paris.");
    }
  }

  /** A list of at most {@link #MAX_LIST} entries; empty when absent. */
  static <T> List<T> list(String field, List<T> values) {
    return list(field, values, MAX_LIST, "entries");
  }

  /** A list of at most {@code max} {@code things}; empty when absent. */
  static <T> List<T> list(String field, List<T> values, int max, String things) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > max) {
      throw ApiException.invalid(field, "At most " + max + " " + things + ".");
    }
    return values;
  }

  static <T> T required(String field, T value) {
    if (value == null) {
      throw ApiException.invalid(field, "'" + field + "' is required.");
    }
    return value;
  }

  private static String bounded(String field, String clean, int max) {
    if (clean == null) {
      return null;
    }
    if (clean.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' is " + clean.length() + " characters long; at most " + max
          + ".");
    }
    return clean.isEmpty() ? null : clean;
  }
}
