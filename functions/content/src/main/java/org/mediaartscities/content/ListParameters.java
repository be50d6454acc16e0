package org.mediaartscities.content;

import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.Kind;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.text.FieldRules;
import org.mediaartscities.shared.http.ApiRequest;

/**
 * The query parameters of a public list, validated: each bad value is a 400 naming its parameter.
 *
 * @param city a city slug, or null
 * @param tag a tag, or null
 * @param limit 1 to 100
 * @param cursor the raw cursor, or null
 * @param from events: first day, or null
 * @param to events: last day, or null
 * @param status calls: the wanted status, or null for open and upcoming
 */
public record ListParameters(
    String city, String tag, int limit, String cursor, LocalDate from, LocalDate to, CallStatus status) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  public static ListParameters from(ApiRequest request, Kind kind) {
    String city = slug(request, "city");
    String tag = slug(request, "tag");
    int limit = request.wholeNumber("limit", DEFAULT_LIMIT, MAX_LIMIT);
    String cursor = request.query("cursor").orElse(null);
    LocalDate from = kind == Kind.EVENT ? date(request, "from") : null;
    LocalDate to = kind == Kind.EVENT ? date(request, "to") : null;
    if (from != null && to != null && to.isBefore(from)) {
      throw ApiException.invalid("to", "'to' must not be before 'from'.");
    }
    CallStatus status = kind == Kind.CALL ? status(request) : null;
    return new ListParameters(city, tag, limit, cursor, from, to, status);
  }

  /** A city slug from a path or query parameter, syntax-checked. */
  public static String slug(ApiRequest request, String name) {
    Optional<String> value = request.query(name);
    if (value.isEmpty()) {
      return null;
    }
    return checkSlug(name, value.get());
  }

  public static String checkSlug(String name, String value) {
    if (!isSlug(value)) {
      throw ApiException.invalid(name, "'" + name + "' must be lower-case letters, digits and hyphens.");
    }
    return value;
  }

  /** Whether {@code value} can be a slug: checked before any lookup, as DynamoDB refuses oversized keys. */
  static boolean isSlug(String value) {
    return value.length() <= 100 && FieldRules.isSlug(value);
  }

  /** What the cursor is bound to: the list and its filters, not the page size or language. */
  public String scope(Kind kind) {
    return String.join("|", kind.path(), String.valueOf(city), String.valueOf(tag), String.valueOf(from),
        String.valueOf(to), String.valueOf(status));
  }

  private static LocalDate date(ApiRequest request, String name) {
    Optional<String> raw = request.query(name);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.get());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, "'" + name + "' must be a date such as 2026-12-01.");
    }
  }

  private static CallStatus status(ApiRequest request) {
    Optional<String> raw = request.query("status");
    if (raw.isEmpty()) {
      return null;
    }
    try {
      return CallStatus.valueOf(raw.get().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("status", "'status' must be open, upcoming or closed.");
    }
  }
}
