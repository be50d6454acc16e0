package org.mediaartscities.applications;

import org.mediaartscities.content.ContentItem;
import org.mediaartscities.shared.mail.Email;

/** The email telling an applicant the jury's decision, in their language (French or English). */
final class DecisionEmails {

  private DecisionEmails() {}

  static Email of(Application application, ContentItem call) {
    boolean fr = application.language() != null && application.language().startsWith("fr");
    var translation = call.translations().getOrDefault(fr ? "fr" : "en", call.translations().values().iterator()
        .next());
    String title = translation.title() == null ? call.slug() : translation.title();
    String hello = (fr ? "Bonjour " : "Hello ") + application.name() + ",";
    String body = switch (application.status()) {
      case SHORTLISTED -> fr
          ? "votre candidature " + application.reference() + " à « " + title + " » est présélectionnée. Nous vous "
              + "écrirons bientôt pour la suite."
          : "your application " + application.reference() + " to “" + title + "” has been shortlisted. We will write "
              + "to you soon about the next steps.";
      case ACCEPTED -> fr
          ? "nous avons le plaisir de vous annoncer que votre candidature " + application.reference() + " à « "
              + title + " » est retenue. Félicitations !"
          : "we are glad to tell you that your application " + application.reference() + " to “" + title
              + "” has been accepted. Congratulations!";
      case REJECTED -> fr
          ? "merci pour votre candidature " + application.reference() + " à « " + title + " ». Le jury ne l’a pas "
              + "retenue cette fois ; nous espérons vous lire à nouveau."
          : "thank you for your application " + application.reference() + " to “" + title + "”. The jury did not "
              + "select it this time; we hope to read you again.";
      default -> throw new IllegalArgumentException("No decision email for " + application.status());
    };
    String subject = (fr ? "Votre candidature " : "Your application ") + application.reference();
    String text = hello + "\n\n" + body + "\n";
    String html = "<!DOCTYPE html><html lang=\"" + Texts.html(application.language()) + "\"><body style=\""
        + "font-family: Arial, sans-serif; font-size: 15px; line-height: 1.5; color: #222\"><p>" + Texts.html(hello)
        + "</p><p>" + Texts.html(body) + "</p></body></html>";
    return new Email(application.email(), subject, text, html, application.language());
  }
}
