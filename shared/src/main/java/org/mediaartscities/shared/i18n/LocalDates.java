package org.mediaartscities.shared.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates written for people, in their language and the zone the date belongs to (a call's, a digest's): the one
 * place emails and pages take them from.
 */
public final class LocalDates {

  private LocalDates() {}

  /** A long date, e.g. "1er décembre 2026", "December 1, 2026". */
  public static String date(Instant instant, String zone, String language) {
    return firstOfMonth(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG), instant, zone, language);
  }

  /** A long date and time with its zone, e.g. "1er décembre 2026, 18:00:00 CET". */
  public static String dateTime(Instant instant, String zone, String language) {
    return firstOfMonth(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG), instant, zone, language);
  }

  // French writes the first day of a month as an ordinal ("1er"); the JDK's patterns write "1".
  private static String firstOfMonth(DateTimeFormatter style, Instant instant, String zone, String language) {
    Locale locale = language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
    ZonedDateTime at = instant.atZone(ZoneId.of(zone));
    String text = style.withLocale(locale).format(at);
    if (at.getDayOfMonth() == 1 && Typography.isFrench(language) && text.startsWith("1 ")) {
      return "1er " + text.substring(2);
    }
    return text;
  }
}
