package org.mediaartscities.applications.applying;

import java.time.Duration;
import java.time.Instant;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationEmails;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.store.StoreConflictException;

/**
 * The link that carries an application's secret token (in the fragment, which browsers never send to servers):
 * mailed when an application is opened, and mailed again with a new token when its email applies again.
 */
final class AccessLinks {

  /** Asking again for an existing application's link mails it at most this often. */
  static final Duration LINK_COOLDOWN = Duration.ofMinutes(10);

  private final ApplyingConfig config;

  AccessLinks(ApplyingConfig config) {
    this.config = config;
  }

  String link(ContentItem call, String id, String token) {
    return config.frontendBaseUrl() + "/calls/" + call.slug() + "/apply?application=" + id + "#token=" + token;
  }

  void mail(Application application, ContentItem call, String token) {
    String language = application.language();
    config.mail().send(ApplicationEmails.accessLink(application, Texts.title(call, language),
        ApplicationEmails.when(call.call().closesAt(), call.call().timeZone(), language),
        link(call, application.id(), token)));
  }

  /** Mails an existing application's link again, with a new token, unless it was mailed within the cooldown. */
  void resend(String existingId, ContentItem call, Instant now) {
    config.applications().get(existingId).ifPresent(stored -> {
      Application existing = stored.application();
      if (existing.linkSentAt() != null && existing.linkSentAt().plus(LINK_COOLDOWN).isAfter(now)) {
        return;
      }
      String token = SecretTokens.newToken();
      Application renewed = existing.withNewToken(SecretTokens.hash(token), now);
      try {
        config.applications().replace(renewed, stored);
      } catch (StoreConflictException e) {
        return; // another request renewed it at the same moment, and mailed it
      }
      mail(renewed, call, token);
    });
  }
}
