package org.mediaartscities.applications;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.mediaartscities.shared.mail.Email;

/**
 * The emails an applicant receives, in French or English (other languages read the English ones): the access link
 * when an application is opened (or asked for again), and the receipt when it is submitted.
 */
final class ApplicationEmails {

  private ApplicationEmails() {}

  /** What a receipt lists: a question's label and the answer as text. */
  record Line(String label, String answer) {}

  static Email accessLink(Application application, String callTitle, String closesAt, String link) {
    boolean fr = french(application);
    String subject = fr ? "Votre candidature : " + callTitle : "Your application: " + callTitle;
    String intro = fr
        ? "Bonjour " + application.name() + ",\n\nVotre candidature à « " + callTitle + " » (" + application.reference()
            + ") est ouverte. Vous pouvez la compléter et l’envoyer jusqu’au " + closesAt
            + ", depuis n’importe quel appareil, avec ce lien personnel :"
        : "Hello " + application.name() + ",\n\nYour application to “" + callTitle + "” (" + application.reference()
            + ") is open. You can complete and submit it until " + closesAt
            + ", from any device, with this personal link:";
    String keep = fr ? "Gardez ce lien pour vous : il donne accès à votre candidature."
        : "Keep this link to yourself: it opens your application.";
    String text = intro + "\n\n" + link + "\n\n" + keep + "\n";
    String html = paragraphs(intro) + "<p><a href=\"" + Texts.html(link) + "\">" + Texts.html(link) + "</a></p><p>"
        + Texts.html(keep) + "</p>";
    return new Email(application.email(), subject, text, page(html, application.language()), application.language());
  }

  static Email receipt(Application application, String callTitle, String submittedAt, List<Line> lines) {
    boolean fr = french(application);
    String subject = (fr ? "Candidature reçue : " : "Application received: ") + application.reference();
    String intro = fr
        ? "Bonjour " + application.name() + ",\n\nNous avons bien reçu votre candidature à « " + callTitle
            + " » le " + submittedAt + ". Son numéro est " + application.reference() + "."
        : "Hello " + application.name() + ",\n\nWe received your application to “" + callTitle + "” on "
            + submittedAt + ". Its number is " + application.reference() + ".";
    var text = new StringBuilder(intro).append("\n\n");
    var html = new StringBuilder(paragraphs(intro)).append("<table role=\"presentation\" cellpadding=\"4\">");
    for (Line line : lines) {
      text.append(line.label()).append(" : ").append(line.answer()).append('\n');
      html.append("<tr><th align=\"left\" valign=\"top\">").append(Texts.html(line.label())).append("</th><td>")
          .append(Texts.html(line.answer()).replace("\n", "<br>")).append("</td></tr>");
    }
    html.append("</table>");
    return new Email(application.email(), subject, text.toString(), page(html.toString(), application.language()),
        application.language());
  }

  /** A date and time as a reader of that language expects it, in the call's zone. */
  static String when(java.time.Instant instant, String zone, String language) {
    Locale locale = language.startsWith("fr") ? Locale.FRENCH : Locale.ENGLISH;
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(locale)
        .format(instant.atZone(ZoneId.of(zone)));
  }

  private static boolean french(Application application) {
    return application.language() != null && application.language().startsWith("fr");
  }

  private static String paragraphs(String text) {
    var html = new StringBuilder();
    for (String paragraph : text.split("\n\n")) {
      html.append("<p>").append(Texts.html(paragraph).replace("\n", "<br>")).append("</p>");
    }
    return html.toString();
  }

  private static String page(String body, String language) {
    return "<!DOCTYPE html><html lang=\"" + Texts.html(language) + "\"><body style=\"font-family: Arial, sans-serif;"
        + " font-size: 15px; line-height: 1.5; color: #222\">" + body + "</body></html>";
  }

}
