package org.mediaartscities.newsletter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.Messages;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.HtmlText;

/**
 * The newsletter's emails: the confirmation link, the reminder to an address already subscribed, and the digest,
 * whose HTML is built for mail clients: one table, inline styles, no scripts, images with alt text, absolute links.
 * The public archive is the same digest for every city and topic, without a subscriber's links.
 */
final class NewsletterEmails {

  static final Messages TEXTS = new Messages("org.mediaartscities.newsletter.emails", NewsletterEmails.class);
  private static final String FONT = "font-family: Arial, Helvetica, sans-serif; color: #222222;";

  private final String frontendBaseUrl;

  NewsletterEmails(String frontendBaseUrl) {
    this.frontendBaseUrl = frontendBaseUrl.replaceAll("/+$", "");
  }

  Email confirmation(Subscriber subscriber, String token) {
    String lang = language(subscriber);
    String link = frontendBaseUrl + "/newsletter/confirm#token=" + token;
    return simple(subscriber.email(), lang, TEXTS.text("confirm.subject", lang), TEXTS.text("confirm.intro", lang),
        link, TEXTS.text("confirm.ignore", lang));
  }

  Email alreadySubscribed(Subscriber subscriber, String manageToken) {
    String lang = language(subscriber);
    return simple(subscriber.email(), lang, TEXTS.text("already.subject", lang), TEXTS.text("already.intro", lang),
        preferencesLink(manageToken), TEXTS.text("confirm.ignore", lang));
  }

  /**
   * A subscriber's digest: the edition's items in their cities and topics, each in the best language they read;
   * empty when nothing is for them.
   *
   * @param unsubscribeUrl the API's one-click URL ({@code List-Unsubscribe}); {@code mailto} is added when given
   */
  Optional<Email> digest(List<DigestItem> edition, Subscriber subscriber, Instant date, String zone,
      String manageToken, String unsubscribeUrl, String unsubscribeMailto) {
    Preferences preferences = subscriber.preferences();
    List<DigestItem> mine = edition.stream()
        .filter(item -> preferences.topics().contains(item.topic()))
        .filter(item -> preferences.cities().isEmpty() || item.city() == null
            || preferences.cities().contains(item.city()))
        .toList();
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    String lang = language(subscriber);
    String manage = preferencesLink(manageToken);
    String unsubscribePage = frontendBaseUrl + "/newsletter/unsubscribe#token=" + manageToken;
    String footer = "<p style=\"" + FONT + " font-size: 12px; color: #666666;\">" + html(TEXTS.text("digest.why", lang))
        + "<br><a href=\"" + html(manage) + "\" style=\"color: #666666;\">" + html(TEXTS.text("digest.manage", lang))
        + "</a> · <a href=\"" + html(unsubscribePage) + "\" style=\"color: #666666;\">"
        + html(TEXTS.text("digest.unsubscribe", lang)) + "</a></p>";
    String textFooter = TEXTS.text("digest.why", lang) + "\n" + TEXTS.text("digest.manage", lang) + ": " + manage + "\n"
        + TEXTS.text("digest.unsubscribe", lang) + ": " + unsubscribePage + "\n";
    var headers = new LinkedHashMap<String, String>();
    headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">"
        + (unsubscribeMailto == null || unsubscribeMailto.isBlank() ? "" : ", <mailto:" + unsubscribeMailto
            + "?subject=unsubscribe>"));
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    String dateText = date(date, zone, lang);
    return Optional.of(new Email(subscriber.email(), TEXTS.text("digest.subject", lang, Map.of("date", dateText)),
        text(mine, preferences.languages(), lang, zone) + "\n--\n" + textFooter,
        page(lang, TEXTS.text("digest.subject", lang, Map.of("date", dateText)), body(mine, preferences.languages(),
            lang, zone), footer), lang, headers));
  }

  /** The public archive of an edition in one language: every item, no subscriber's data. */
  String archive(List<DigestItem> edition, String lang, Instant date, String zone) {
    String title = TEXTS.text("archive.title", lang, Map.of("date", date(date, zone, lang)));
    return page(lang, title, body(edition, List.of(lang), lang, zone), "");
  }

  private String body(List<DigestItem> items, List<String> languages, String lang, String zone) {
    var html = new StringBuilder("<p style=\"" + FONT + " font-size: 16px;\">" + html(TEXTS.text("digest.intro", lang))
        + "</p>");
    for (Preferences.Topic topic : Preferences.Topic.values()) {
      List<DigestItem> ofTopic = items.stream().filter(i -> i.topic() == topic).toList();
      if (ofTopic.isEmpty()) {
        continue;
      }
      html.append("<h2 style=\"").append(FONT).append(" font-size: 20px; margin: 24px 0 8px;\">")
          .append(html(TEXTS.text("digest." + topic.id(), lang))).append("</h2>");
      for (DigestItem item : ofTopic) {
        String itemLang = new LanguagePreference(languages).choose(item.texts().keySet(), item.originalLanguage());
        DigestItem.Text text = item.texts().get(itemLang);
        String link = itemLink(item);
        html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
            + " style=\"margin: 0 0 16px;\"><tr>");
        if (item.imageUrl() != null) {
          String alt = item.imageAlt().getOrDefault(itemLang, item.imageAlt().values().stream().findFirst()
              .orElse(text.title()));
          html.append("<td width=\"120\" valign=\"top\" style=\"padding-right: 12px;\"><a href=\"").append(html(link))
              .append("\"><img src=\"").append(html(item.imageUrl())).append("\" width=\"120\" alt=\"")
              .append(html(alt)).append("\" style=\"display: block; border: 0;\"></a></td>");
        }
        html.append("<td valign=\"top\" lang=\"").append(html(itemLang)).append("\"><a href=\"").append(html(link))
            .append("\" style=\"").append(FONT).append(" font-size: 17px; font-weight: bold; color: #0b5394;\">")
            .append(html(text.title())).append("</a>");
        String when = when(item, lang, zone);
        if (when != null) {
          html.append("<br><span style=\"").append(FONT).append(" font-size: 13px; color: #555555;\">")
              .append(html(when)).append("</span>");
        }
        if (text.summary() != null) {
          html.append("<p style=\"").append(FONT).append(" font-size: 15px; margin: 4px 0;\">")
              .append(html(text.summary())).append("</p>");
        }
        html.append("</td></tr></table>");
      }
    }
    return html.toString();
  }

  private String text(List<DigestItem> items, List<String> languages, String lang, String zone) {
    var text = new StringBuilder(TEXTS.text("digest.intro", lang)).append("\n");
    for (Preferences.Topic topic : Preferences.Topic.values()) {
      List<DigestItem> ofTopic = items.stream().filter(i -> i.topic() == topic).toList();
      if (ofTopic.isEmpty()) {
        continue;
      }
      text.append("\n== ").append(TEXTS.text("digest." + topic.id(), lang)).append(" ==\n\n");
      for (DigestItem item : ofTopic) {
        DigestItem.Text t = item.texts().get(new LanguagePreference(languages).choose(item.texts().keySet(),
            item.originalLanguage()));
        text.append(t.title()).append('\n');
        String when = when(item, lang, zone);
        if (when != null) {
          text.append(when).append('\n');
        }
        if (t.summary() != null) {
          text.append(t.summary()).append('\n');
        }
        text.append(itemLink(item)).append("\n\n");
      }
    }
    return text.toString();
  }

  private static String when(DigestItem item, String lang, String zone) {
    String itemZone = item.timeZone() == null ? zone : item.timeZone();
    return switch (item.topic()) {
      case EVENTS -> item.startsAt() == null ? null
          : TEXTS.text("digest.starts", lang, Map.of("date", date(item.startsAt(), itemZone, lang)));
      case CALLS -> item.closesAt() == null ? null
          : TEXTS.text("digest.closes", lang, Map.of("date", dateTime(item.closesAt(), itemZone, lang)));
      case NEWS -> null;
    };
  }

  private String itemLink(DigestItem item) {
    String path = switch (item.topic()) {
      case NEWS -> "news";
      case EVENTS -> "events";
      case CALLS -> "calls";
    };
    return frontendBaseUrl + "/" + path + "/" + item.slug();
  }

  private String preferencesLink(String manageToken) {
    return frontendBaseUrl + "/newsletter/preferences#token=" + manageToken;
  }

  private static Email simple(String to, String lang, String subject, String intro, String link, String after) {
    String text = intro + "\n\n" + link + "\n\n" + after + "\n";
    String body = "<p style=\"" + FONT + " font-size: 15px;\">" + html(intro) + "</p><p style=\"" + FONT
        + " font-size: 15px;\"><a href=\"" + html(link) + "\">" + html(link) + "</a></p><p style=\"" + FONT
        + " font-size: 13px; color: #666666;\">" + html(after) + "</p>";
    return new Email(to, subject, text, page(lang, subject, body, ""), lang);
  }

  private static String page(String lang, String title, String body, String footer) {
    return "<!DOCTYPE html><html lang=\"" + html(lang) + "\" dir=\"" + HtmlText.direction(lang) + "\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + html(title) + "</title></head>"
        + "<body style=\"margin: 0; padding: 0; background: #f4f4f4;\"><table role=\"presentation\" width=\"100%\""
        + " cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td align=\"center\" style=\"padding: 16px;\">"
        + "<table role=\"presentation\" width=\"600\" cellpadding=\"16\" cellspacing=\"0\" border=\"0\""
        + " style=\"max-width: 600px; background: #ffffff;\"><tr><td>" + body + footer
        + "</td></tr></table></td></tr></table></body></html>";
  }

  /** The language a subscriber's emails speak: their first, when we have its texts; else English. */
  static String language(Subscriber subscriber) {
    List<String> languages = subscriber.preferences().languages();
    return languages.stream().filter(TEXTS::speaks).findFirst().orElse(LanguagePreference.DEFAULT);
  }

  static String date(Instant instant, String zone, String lang) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang))
        .format(instant.atZone(ZoneId.of(zone)));
  }

  private static String dateTime(Instant instant, String zone, String lang) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG).withLocale(Locale.forLanguageTag(lang))
        .format(instant.atZone(ZoneId.of(zone)));
  }

  static String html(String text) {
    return HtmlText.escape(text);
  }
}
