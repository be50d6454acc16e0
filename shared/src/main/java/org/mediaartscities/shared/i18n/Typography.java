package org.mediaartscities.shared.i18n;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The typographic rules of a language applied to a finished text: today French, which puts a no-break space before
 * {@code :} and a narrow no-break space before {@code ; ! ?}, so that the sign never starts a line.
 *
 * <p>Applied to whole texts (message bundles with their values filled in), never to URLs alone: a sign directly
 * followed by {@code //} or a non-space character (a URL, a time such as 18:00, a query string) is left alone.
 */
public final class Typography {

  private static final char NO_BREAK_SPACE = '\u00A0';
  private static final char NARROW_NO_BREAK_SPACE = '\u202F';
  /** A sign that ends a word, with any spaces before it; the sign must be followed by a space or the end. */
  private static final Pattern FRENCH_HIGH_SIGN = Pattern.compile("(?<=\\S)[ \\u00A0\\u202F]*([:;!?])(?=\\s|$)");

  private Typography() {}

  /** {@code text} as written in {@code language}; unchanged for languages without such rules. */
  public static String apply(String language, String text) {
    if (text == null || !isFrench(language)) {
      return text;
    }
    return FRENCH_HIGH_SIGN.matcher(text).replaceAll(match -> {
      char sign = match.group(1).charAt(0);
      return String.valueOf(sign == ':' ? NO_BREAK_SPACE : NARROW_NO_BREAK_SPACE) + sign;
    });
  }

  static boolean isFrench(String language) {
    return language != null && Locale.forLanguageTag(language).getLanguage().equals("fr");
  }
}
