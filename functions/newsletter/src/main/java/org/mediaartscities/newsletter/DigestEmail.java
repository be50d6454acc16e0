package org.mediaartscities.newsletter;

import static org.mediaartscities.newsletter.NewsletterEmails.FONT;
import static org.mediaartscities.newsletter.NewsletterEmails.TEXTS;
import static org.mediaartscities.shared.mail.HtmlText.escape;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.LocalDates;
import org.mediaartscities.shared.i18n.Typography;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.HtmlPage;

/**
 * The digest email: a subscriber's edition, in their cities and topics, each item in the best language they read,
 * with links to their preferences and a one-click unsubscribe. Its HTML is built for mail clients: tables, inline
 * styles, no scripts, images with alt text, absolute links. The public archive is the same page for every city and
 * topic, without a subscriber's links.
 *
 * @param zone the digest's time zone: its dates, and which firing is the month's first
 */
record DigestEmail(NewsletterLinks links, String zone) {

  /** {@code FRONTEND_BASE_URL} and {@code DIGEST_TIME_ZONE} (Europe/Paris when unset). */
  static DigestEmail fromEnvironment() {
    return new DigestEmail(NewsletterLinks.fromEnvironment(),
        Env.optional("DIGEST_TIME_ZONE").orElse("Europe/Paris"));
  }

  /**
   * A subscriber's digest of {@code edition}, dated {@code date}; empty when nothing in it is for them.
   *
   * @param unsubscribeUrl the API's one-click URL ({@code List-Unsubscribe}); {@code mailto} is added when given
   */
  Optional<Email> forSubscriber(List<DigestItem> edition, Subscriber subscriber, Instant date, String manageToken,
      String unsubscribeUrl, String unsubscribeMailto) {
    Preferences preferences = subscriber.preferences();
    List<DigestItem> mine = edition.stream()
        .filter(item -> preferences.topics().contains(item.topic()))
        .filter(item -> preferences.cities().isEmpty() || item.city() == null
            || preferences.cities().contains(item.city()))
        .toList();
    if (mine.isEmpty()) {
      return Optional.empty();
    }
    String lang = NewsletterEmails.language(subscriber);
    String manage = links.preferences(manageToken);
    String unsubscribePage = links.unsubscribe(manageToken);
    String footer = "<p style=\"" + FONT + " font-size: 12px; color: #666666;\">" + escape(TEXTS.text("digest.why",
        lang)) + "<br><a href=\"" + escape(manage) + "\" style=\"color: #666666;\">"
        + escape(TEXTS.text("digest.manage", lang)) + "</a> · <a href=\"" + escape(unsubscribePage)
        + "\" style=\"color: #666666;\">" + escape(TEXTS.text("digest.unsubscribe", lang)) + "</a></p>";
    // A label and its link, written as the language writes a colon (French: "recevez : https://…").
    String textFooter = TEXTS.text("digest.why", lang) + "\n"
        + Typography.apply(lang, TEXTS.text("digest.manage", lang) + ": " + manage) + "\n"
        + Typography.apply(lang, TEXTS.text("digest.unsubscribe", lang) + ": " + unsubscribePage) + "\n";
    var headers = new LinkedHashMap<String, String>();
    headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">"
        + (unsubscribeMailto == null || unsubscribeMailto.isBlank() ? "" : ", <mailto:" + unsubscribeMailto
            + "?subject=unsubscribe>"));
    headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    String subject = TEXTS.text("digest.subject", lang, Map.of("date", LocalDates.date(date, zone, lang)));
    return Optional.of(new Email(subscriber.email(), subject,
        text(mine, preferences.languages(), lang) + "\n--\n" + textFooter,
        HtmlPage.of(lang, subject, html(mine, preferences.languages(), lang) + footer), lang, headers));
  }

  /** The public archive of an edition in one language: every item, no subscriber's data. */
  String archive(List<DigestItem> edition, String lang, Instant date) {
    String title = TEXTS.text("archive.title", lang, Map.of("date", LocalDates.date(date, zone, lang)));
    return HtmlPage.of(lang, title, html(edition, List.of(lang), lang));
  }

  private String html(List<DigestItem> items, List<String> languages, String lang) {
    var html = new StringBuilder("<p style=\"" + FONT + " font-size: 16px;\">"
        + escape(TEXTS.text("digest.intro", lang)) + "</p>");
    for (Preferences.Topic topic : Preferences.Topic.values()) {
      List<DigestItem> ofTopic = items.stream().filter(i -> i.topic() == topic).toList();
      if (ofTopic.isEmpty()) {
        continue;
      }
      html.append("<h2 style=\"").append(FONT).append(" font-size: 20px; margin: 24px 0 8px;\">")
          .append(escape(TEXTS.text("digest." + topic.id(), lang))).append("</h2>");
      for (DigestItem item : ofTopic) {
        String itemLang = readIn(item, languages);
        DigestItem.Text text = item.texts().get(itemLang);
        String link = links.item(item);
        html.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\""
            + " style=\"margin: 0 0 16px;\"><tr>");
        if (item.imageUrl() != null) {
          String alt = item.imageAlt().getOrDefault(itemLang, item.imageAlt().values().stream().findFirst()
              .orElse(text.title()));
          html.append("<td width=\"120\" valign=\"top\" style=\"padding-right: 12px;\"><a href=\"")
              .append(escape(link)).append("\"><img src=\"").append(escape(item.imageUrl()))
              .append("\" width=\"120\" alt=\"").append(escape(alt)).append("\" style=\"display: block; border: 0;\">"
                  + "</a></td>");
        }
        html.append("<td valign=\"top\" lang=\"").append(escape(itemLang)).append("\"><a href=\"").append(escape(link))
            .append("\" style=\"").append(FONT).append(" font-size: 17px; font-weight: bold; color: #0b5394;\">")
            .append(escape(text.title())).append("</a>");
        when(item, lang).ifPresent(when -> html.append("<br><span style=\"").append(FONT)
            .append(" font-size: 13px; color: #555555;\">").append(escape(when)).append("</span>"));
        if (text.summary() != null) {
          html.append("<p style=\"").append(FONT).append(" font-size: 15px; margin: 4px 0;\">")
              .append(escape(text.summary())).append("</p>");
        }
        html.append("</td></tr></table>");
      }
    }
    return html.toString();
  }

  private String text(List<DigestItem> items, List<String> languages, String lang) {
    var text = new StringBuilder(TEXTS.text("digest.intro", lang)).append("\n");
    for (Preferences.Topic topic : Preferences.Topic.values()) {
      List<DigestItem> ofTopic = items.stream().filter(i -> i.topic() == topic).toList();
      if (ofTopic.isEmpty()) {
        continue;
      }
      text.append("\n== ").append(TEXTS.text("digest." + topic.id(), lang)).append(" ==\n\n");
      for (DigestItem item : ofTopic) {
        DigestItem.Text t = item.texts().get(readIn(item, languages));
        text.append(t.title()).append('\n');
        when(item, lang).ifPresent(when -> text.append(when).append('\n'));
        if (t.summary() != null) {
          text.append(t.summary()).append('\n');
        }
        text.append(links.item(item)).append("\n\n");
      }
    }
    return text.toString();
  }

  /** The language an item is read in: the reader's first that it has, else its original. */
  private static String readIn(DigestItem item, List<String> languages) {
    return new LanguagePreference(languages).choose(item.texts().keySet(), item.originalLanguage());
  }

  /** When an event starts or a call closes, in the item's own time zone; news has no date. */
  private Optional<String> when(DigestItem item, String lang) {
    String itemZone = item.timeZone() == null ? zone : item.timeZone();
    return Optional.ofNullable(switch (item.topic()) {
      case EVENTS -> item.startsAt() == null ? null
          : TEXTS.text("digest.starts", lang, Map.of("date", LocalDates.date(item.startsAt(), itemZone, lang)));
      case CALLS -> item.closesAt() == null ? null
          : TEXTS.text("digest.closes", lang, Map.of("date", LocalDates.dateTime(item.closesAt(), itemZone, lang)));
      case NEWS -> null;
    });
  }
}
