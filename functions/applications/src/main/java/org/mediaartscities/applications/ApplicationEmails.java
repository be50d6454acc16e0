package org.mediaartscities.applications;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mediaartscities.shared.i18n.Messages;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.HtmlPage;
import org.mediaartscities.shared.mail.HtmlText;

/**
 * The emails an applicant receives, in their language (texts in {@code emails_*.properties}; a language without a
 * file reads English): the access link when an application is opened (or asked for again), the receipt when it is
 * submitted, and the jury's decision.
 */
public final class ApplicationEmails {

  private static final Messages TEXTS = new Messages("org.mediaartscities.applications.emails",
      ApplicationEmails.class);

  private ApplicationEmails() {}

  /** What a receipt lists: a question's label and the answer as text. */
  public record Line(String label, String answer) {}

  public static Email accessLink(Application application, String callTitle, String closesAt, String link) {
    String lang = application.language();
    var values = values(application, callTitle, Map.of("closesAt", closesAt));
    String intro = TEXTS.text("greeting", lang, values) + "\n\n" + TEXTS.text("access.intro", lang, values);
    String keep = TEXTS.text("access.keep", lang);
    String text = intro + "\n\n" + link + "\n\n" + keep + "\n";
    String html = paragraphs(intro) + "<p><a href=\"" + HtmlText.escape(link) + "\">" + HtmlText.escape(link)
        + "</a></p><p>" + HtmlText.escape(keep) + "</p>";
    return email(application, TEXTS.text("access.subject", lang, values), text, html);
  }

  public static Email receipt(Application application, String callTitle, String submittedAt, List<Line> lines) {
    String lang = application.language();
    var values = values(application, callTitle, Map.of("submittedAt", submittedAt));
    String intro = TEXTS.text("greeting", lang, values) + "\n\n" + TEXTS.text("receipt.intro", lang, values);
    var text = new StringBuilder(intro).append("\n\n");
    var html = new StringBuilder(paragraphs(intro)).append("<table role=\"presentation\" cellpadding=\"4\">");
    for (Line line : lines) {
      text.append(line.label()).append(": ").append(line.answer()).append('\n');
      html.append("<tr><th align=\"left\" valign=\"top\">").append(HtmlText.escape(line.label()))
          .append("</th><td>").append(HtmlText.escape(line.answer()).replace("\n", "<br>")).append("</td></tr>");
    }
    html.append("</table>");
    return email(application, TEXTS.text("receipt.subject", lang, values), text.toString(), html.toString());
  }

  /** The jury's decision (shortlisted, accepted or rejected). */
  public static Email decision(Application application, String callTitle) {
    String lang = application.language();
    String key = switch (application.status()) {
      case SHORTLISTED, ACCEPTED, REJECTED -> "decision." + application.status().id();
      default -> throw new IllegalArgumentException("No decision email for " + application.status());
    };
    var values = values(application, callTitle, Map.of());
    String hello = TEXTS.text("greeting", lang, values);
    String body = TEXTS.text(key, lang, values);
    return email(application, TEXTS.text("decision.subject", lang, values), hello + "\n\n" + body + "\n",
        paragraphs(hello + "\n\n" + body));
  }

  /** The label of the team line of a receipt. */
  public static String teamLabel(String language) {
    return TEXTS.text("receipt.team", language);
  }

  /** A date and time as a reader of that language expects it, in the call's zone. */
  public static String when(Instant instant, String zone, String language) {
    Locale locale = language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale)
        .format(instant.atZone(ZoneId.of(zone)));
  }

  private static Map<String, String> values(Application application, String callTitle, Map<String, String> more) {
    var values = new java.util.HashMap<>(more);
    values.put("name", application.name());
    values.put("call", callTitle);
    values.put("reference", application.reference());
    return values;
  }

  private static String paragraphs(String text) {
    var html = new StringBuilder();
    for (String paragraph : text.split("\n\n")) {
      html.append("<p>").append(HtmlText.escape(paragraph).replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static Email email(Application application, String subject, String text, String bodyHtml) {
    String lang = application.language();
    return new Email(application.email(), subject, text, HtmlPage.of(lang, subject, bodyHtml), lang);
  }
}
