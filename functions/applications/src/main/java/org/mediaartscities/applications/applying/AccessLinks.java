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
 * The links mailed about an application, and how often: a one-time code to a new application's address, and, when an
 * address that already applied to a call applies again, a link to the application it submitted, to that address.
 * Secrets travel in the fragment, which browsers never send to servers.
 */
final class AccessLinks {

  /** Each kind of email goes to an address, about a call, at most this often, whoever asks. */
  static final Duration MAIL_COOLDOWN = Duration.ofMinutes(10);
  static final String VERIFY = "VERIFY";
  static final String OWNER = "OWNER";

  private final ApplyingConfig config;

  AccessLinks(ApplyingConfig config) {
    this.config = config;
  }

  /** The application's page with its token: given to whoever created it, and mailed to its verified owner. */
  String link(ContentItem call, String id, String token) {
    return config.frontendBaseUrl() + "/calls/" + call.slug() + "/apply?application=" + id + "#token=" + token;
  }

  /** The page that confirms an address: opened where the application was started, which holds its token. */
  String verificationLink(ContentItem call, String id, String code) {
    return config.frontendBaseUrl() + "/calls/" + call.slug() + "/apply?application=" + id + "#code=" + code;
  }

  /** Whether an email of {@code kind} may go to the application's address now (and counts it if so). */
  boolean mayMail(Application application, String kind, Instant now) {
    return config.applications().mayMail(application.callId(), application.email(), kind, now, MAIL_COOLDOWN);
  }

  void mailCode(Application application, ContentItem call, String code) {
    config.mail().send(ApplicationEmails.verification(application, Texts.title(call, application.language()),
        code, verificationLink(call, application.id(), code)));
  }

  /**
   * Mails the owner of the application {@code ownerId} a link to it, with a token of its own, unless their address
   * was sent one within the cooldown. The owner's earlier links keep working.
   */
  void mailOwner(String ownerId, ContentItem call, Instant now) {
    config.applications().get(ownerId).ifPresent(stored -> {
      Application owner = stored.application();
      if (!owner.openableAt(now) || !mayMail(owner, OWNER, now)) {
        return;
      }
      String token = SecretTokens.newToken();
      Application renewed = owner.withLinkToken(SecretTokens.hash(token), now);
      try {
        config.applications().replace(renewed, stored);
      } catch (StoreConflictException e) {
        return; // it changed meanwhile (a review, a decision): no link this time rather than a lost change
      }
      config.mail().send(ApplicationEmails.ownerLink(renewed, Texts.title(call, renewed.language()),
          link(call, renewed.id(), token)));
    });
  }
}
