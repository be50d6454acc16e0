package org.mediaartscities.shared.mail;

/**
 * The one HTML page shell of every email (and of the one-click unsubscribe page): language and direction set on
 * {@code <html>}, escaped, and a single 600-pixel column that mail clients render alike.
 */
public final class HtmlPage {

  private static final String FONT = "font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5;"
      + " color: #222222;";

  private HtmlPage() {}

  /** A whole page around {@code bodyHtml}, which the caller has built from escaped text. */
  public static String of(String language, String title, String bodyHtml) {
    String lang = language == null || language.isBlank() ? "en" : language;
    return "<!DOCTYPE html><html lang=\"" + HtmlText.escape(lang) + "\" dir=\"" + HtmlText.direction(lang) + "\">"
        + "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
        + HtmlText.escape(title) + "</title></head>"
        + "<body style=\"margin: 0; padding: 0; background: #f4f4f4;\"><table role=\"presentation\" width=\"100%\""
        + " cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td align=\"center\" style=\"padding: 16px;\">"
        + "<table role=\"presentation\" width=\"600\" cellpadding=\"16\" cellspacing=\"0\" border=\"0\""
        + " style=\"max-width: 600px; background: #ffffff;\"><tr><td style=\"" + FONT + "\">" + bodyHtml
        + "</td></tr></table></td></tr></table></body></html>";
  }
}
