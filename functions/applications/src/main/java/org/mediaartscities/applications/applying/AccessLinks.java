package org.mediaartscities.applications.applying;

import java.time.Duration;
import java.time.Instant;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationEmails;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.store.StoreConflictException;

/**
 * The links mailed about an application, and how often: a one-time code to a new application's address; when an
 * address that already applied to a call applies again, a link to the application it submitted, to that address; and,
 * when an address asks for them, a link to each of its applications to a call. Secrets travel in the fragment, which
 * browsers never send to servers.
 */
final class AccessLinks {

  /** Each kind of email goes to an address, about a call, at most this often, whoever asks. */
  static final Duration MAIL_COOLDOWN = Duration.ofMinutes(10);
  static final String VERIFY = "VERIFY";
  static final String OWNER = "OWNER";
  static final String LINKS = "LINKS";
  /** How many of an address's applications to a call one request mails links to. */
  static final int MAX_LINKS = 5;

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
      if (stored.application().openableAt(now) && mayMail(stored.application(), OWNER, now)) {
        mailLink(stored, call, now, ApplicationEmails::ownerLink);
      }
    });
  }

  /**
   * Mails {@code email} a link to each of its applications to {@code call} that still opens, each with a token of its
   * own, unless the address was sent links within the cooldown. Nothing says whether the address applied.
   */
  void mailLinks(String email, ContentItem call, Instant now) {
    if (!config.applications().mayMail(call.id(), email, LINKS, now, MAIL_COOLDOWN)) {
      return;
    }
    for (String id : config.applications().applicationsOf(call.id(), email, MAX_LINKS)) {
      config.applications().get(id).filter(stored -> stored.application().openableAt(now))
          .ifPresent(stored -> mailLink(stored, call, now, ApplicationEmails::requestedLink));
    }
  }

  private interface LinkEmail {
    Email of(Application owner, String callTitle, String link);
  }

  private void mailLink(ApplicationStore.Stored stored, ContentItem call, Instant now, LinkEmail email) {
    String token = SecretTokens.newToken();
    Application renewed = stored.application().withLinkToken(SecretTokens.hash(token), now);
    try {
      config.applications().replace(renewed, stored);
    } catch (StoreConflictException e) {
      return; // it changed meanwhile (a review, a decision): no link this time rather than a lost change
    }
    config.mail().send(email.of(renewed, Texts.title(call, renewed.language()), link(call, renewed.id(), token)));
  }
}
