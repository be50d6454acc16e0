package org.mediaartscities.shared.mail;

import java.util.Locale;

/** Text placed into the HTML of an email. */
public final class HtmlText {

  private HtmlText() {}

  /** Escapes text for an HTML element or a quoted attribute. */
  public static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  /** {@code rtl} for the languages written right to left (Hebrew, Arabic, Persian, Urdu), else {@code ltr}. */
  public static String direction(String language) {
    return Locale.forLanguageTag(language == null ? "en" : language).getLanguage().matches("he|ar|fa|ur")
        ? "rtl" : "ltr";
  }
}
