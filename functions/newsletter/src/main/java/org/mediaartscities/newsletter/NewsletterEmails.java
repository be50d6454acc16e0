package org.mediaartscities.newsletter;

import static org.mediaartscities.shared.mail.HtmlText.escape;

import java.util.List;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.Messages;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.HtmlPage;

/**
 * The emails of subscribing: the confirmation link, and the reminder to an address already subscribed. Their texts
 * (and the digest's) are in {@code emails*.properties}, one file per language. The digest is {@link DigestEmail}.
 */
final class NewsletterEmails {

  static final Messages TEXTS = new Messages("org.mediaartscities.newsletter.emails", NewsletterEmails.class);
  static final String FONT = "font-family: Arial, Helvetica, sans-serif; color: #222222;";

  private final NewsletterLinks links;

  NewsletterEmails(NewsletterLinks links) {
    this.links = links;
  }

  Email confirmation(Subscriber subscriber, String token) {
    String lang = language(subscriber);
    return simple(subscriber.email(), lang, TEXTS.text("confirm.subject", lang), TEXTS.text("confirm.intro", lang),
        links.confirm(token), TEXTS.text("confirm.ignore", lang));
  }

  Email alreadySubscribed(Subscriber subscriber, String manageToken) {
    String lang = language(subscriber);
    return simple(subscriber.email(), lang, TEXTS.text("already.subject", lang), TEXTS.text("already.intro", lang),
        links.preferences(manageToken), TEXTS.text("confirm.ignore", lang));
  }

  /** The page a GET of the one-click unsubscribe link shows: the address, and a button that POSTs. */
  static String unsubscribePage(Subscriber subscriber) {
    String lang = language(subscriber);
    String action = TEXTS.text("digest.unsubscribe", lang);
    return HtmlPage.of(lang, action, "<p>" + escape(subscriber.email()) + "</p><form method=\"post\"><input"
        + " type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">" + escape(action)
        + "</button></form>");
  }

  /** The language a subscriber's emails speak: their first, when we have its texts; else English. */
  static String language(Subscriber subscriber) {
    List<String> languages = subscriber.preferences().languages();
    return languages.stream().filter(TEXTS::speaks).findFirst().orElse(LanguagePreference.DEFAULT);
  }

  private static Email simple(String to, String lang, String subject, String intro, String link, String after) {
    String text = intro + "\n\n" + link + "\n\n" + after + "\n";
    String body = "<p style=\"" + FONT + " font-size: 15px;\">" + escape(intro) + "</p><p style=\"" + FONT
        + " font-size: 15px;\"><a href=\"" + escape(link) + "\">" + escape(link) + "</a></p><p style=\"" + FONT
        + " font-size: 13px; color: #666666;\">" + escape(after) + "</p>";
    return new Email(to, subject, text, HtmlPage.of(lang, subject, body), lang);
  }
}
