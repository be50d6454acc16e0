package org.mediaartscities.applications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.i18n.LocalDates;
import org.mediaartscities.shared.i18n.Messages;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.HtmlPage;
import org.mediaartscities.shared.mail.HtmlText;

/**
 * The emails an applicant receives, in their language (texts in {@code emails_*.properties}; a language without a
 * file reads English): the code that proves their address, the link to their application when their address applies
 * again, the receipt when it is submitted, and the jury's decision. The first two go to addresses nobody has proved
 * yet, so their text is fixed: it holds nothing a visitor typed (no name, no answers), only our call's title, a code
 * and a link.
 */
public final class ApplicationEmails {

  private static final Messages TEXTS = new Messages("org.mediaartscities.applications.emails",
      ApplicationEmails.class);

  private ApplicationEmails() {}

  /** What a receipt lists: a question's label and the answer as text. */
  public record Line(String label, String answer) {}

  /** The one-time code that proves an address, with the link that carries it. */
  public static Email verification(Application application, String callTitle, String code, String link) {
    String lang = application.language();
    var values = Map.of("call", callTitle, "code", code);
    String intro = TEXTS.text("hello", lang) + "\n\n" + TEXTS.text("verify.intro", lang, values);
    String codeLine = TEXTS.text("verify.code", lang, values);
    String ignore = TEXTS.text("verify.ignore", lang, values);
    String text = intro + "\n\n" + link + "\n\n" + codeLine + "\n\n" + ignore + "\n";
    String html = paragraphs(intro) + linkParagraph(link) + paragraphs(codeLine + "\n\n" + ignore);
    return email(application, TEXTS.text("verify.subject", lang, values), text, html);
  }

  /** To the owner of an address that applied again to a call: the link to the application they submitted. */
  public static Email ownerLink(Application owner, String callTitle, String link) {
    return link(owner, callTitle, link, "owner.intro");
  }

  /** To an address that asked for the links to its applications to a call: the link to one of them. */
  public static Email requestedLink(Application owner, String callTitle, String link) {
    return link(owner, callTitle, link, "links.intro");
  }

  private static Email link(Application owner, String callTitle, String link, String introKey) {
    String lang = owner.language();
    var values = Map.of("call", callTitle);
    String intro = TEXTS.text("hello", lang) + "\n\n" + TEXTS.text(introKey, lang, values);
    String keep = TEXTS.text("owner.keep", lang, values);
    String text = intro + "\n\n" + link + "\n\n" + keep + "\n";
    String html = paragraphs(intro) + linkParagraph(link) + paragraphs(keep);
    return email(owner, TEXTS.text("owner.subject", lang, values), text, html);
  }

  /** The receipt of a submission, to its verified address. */
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

  /** A date and time as a reader of that language expects it, in the call's zone ("1er décembre 2026 à 18:00"). */
  public static String when(Instant instant, String zone, String language) {
    return LocalDates.dateTime(instant, zone, language);
  }

  private static Map<String, String> values(Application application, String callTitle, Map<String, String> more) {
    var values = new java.util.HashMap<>(more);
    values.put("name", application.name());
    values.put("call", callTitle);
    values.put("reference", application.reference());
    return values;
  }

  private static String linkParagraph(String link) {
    return "<p><a href=\"" + HtmlText.escape(link) + "\">" + HtmlText.escape(link) + "</a></p>";
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
