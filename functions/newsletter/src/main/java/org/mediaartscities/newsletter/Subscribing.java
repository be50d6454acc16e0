package org.mediaartscities.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.mail.BestEffortMail;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.store.StoreConflictException;
import org.mediaartscities.shared.text.FieldRules;

/**
 * Double opt-in: a subscription is answered alike for every address (whether it is known, confirmed, suppressed or
 * new is never told), and mails the address itself a confirmation link, or a reminder when it is subscribed already;
 * a suppressed address is mailed nothing. A confirmation link answers once with a management token; opened again, it
 * says the subscription is confirmed and mints nothing.
 */
final class Subscribing {

  /** A confirmation link works this long. */
  static final Duration CONFIRM_FOR = Duration.ofHours(48);
  /** An address is mailed (a confirmation or a reminder) at most this often, however often it is asked. */
  static final Duration COOLDOWN = Duration.ofMinutes(15);
  private static final Map<String, Object> ACCEPTED = Map.of("status", "pending", "message",
      "If this address can receive email, a message is on its way to it: open its link to confirm.");

  private static final Map<String, Object> ALREADY_CONFIRMED = Map.of("status", "confirmed", "message",
      "This subscription is already confirmed. Every newsletter email links to its preferences.");

  /** The body of a subscription; {@code nickname} is a honeypot that people never see. */
  record Subscription(String email, List<String> languages, List<String> cities, List<String> topics,
      String frequency, String nickname, String captchaToken) {}

  /** The body of a confirmation. */
  record Confirmation(String token) {}

  private final NewsletterApiConfig config;
  private final BestEffortMail mail;

  Subscribing(NewsletterApiConfig config) {
    this.config = config;
    // The subscription is stored; asking again after the cooldown mails again.
    this.mail = new BestEffortMail(config.mailer());
  }

  ApiResponse subscribe(ApiRequest request) {
    Subscription input = JsonBody.parse(request, Subscription.class);
    String email = FieldRules.oneLine(input.email());
    if (email == null || email.isEmpty()) {
      throw ApiException.invalid("email", "'email' is required.");
    }
    if (!FieldRules.isEmailAddress(email)) {
      throw ApiException.invalid("email", "This is not an email address.");
    }
    String language = LanguagePreference.of(Optional.empty(), request.header("accept-language").orElse(null))
        .primaryOrDefault();
    Preferences preferences = PreferenceRules.apply(new PreferenceRules.Input(input.languages(), input.cities(),
        input.topics(), input.frequency()), PreferenceRules.defaults(language), config.citySlugs());
    if (input.nickname() != null && !input.nickname().isBlank()) {
      return accepted(); // a bot filled the hidden field: the same answer, nothing kept
    }
    config.captcha().verify(input.captchaToken());
    try {
      register(email, preferences, config.now());
    } catch (StoreConflictException e) {
      // Another request for this address wrote at the same moment, and mailed it.
    }
    return accepted();
  }

  /** What subscribing does, by the address's state; the caller learns none of it. */
  private void register(String email, Preferences preferences, Instant now) {
    SubscriberIds.Lookup lookup = config.ids().ofAddress(email);
    String id = lookup.current();
    Optional<SubscriberStore.Stored> stored = config.subscribers().resolve(lookup);
    if (stored.isEmpty()) {
      var confirmation = config.tokens().confirmation(id);
      Subscriber created = Subscriber.pending(id, email, preferences, confirmation.hash(), now.plus(CONFIRM_FOR), now);
      config.subscribers().put(created, stored);
      mail(config.emails().confirmation(created, confirmation.token()));
      return;
    }
    Subscriber existing = stored.get().subscriber();
    // A suppressed address bounced or complained: mailing it on anyone's request would undo that, so only an
    // operator lifts it (docs/OPERATIONS.md). The caller gets the same answer as for any other address.
    if (existing.status() == Subscriber.Status.SUPPRESSED || cooling(existing, now)) {
      return;
    }
    if (existing.status() == Subscriber.Status.CONFIRMED) {
      // Nothing changes: only a reminder, with the link to the preferences, goes to the address itself.
      Subscriber reminded = existing.reminded(now);
      config.subscribers().put(reminded, stored);
      mail(config.emails().alreadySubscribed(reminded, config.tokens().manage(reminded)));
      return;
    }
    var confirmation = config.tokens().confirmation(id);
    Subscriber pending = existing.reconfirming(preferences, confirmation.hash(), now.plus(CONFIRM_FOR), now);
    config.subscribers().put(pending, stored);
    mail(config.emails().confirmation(pending, confirmation.token()));
  }

  /**
   * Whether the address was mailed too recently to be mailed again. An unsubscribed address that has not been mailed
   * since it left starts over at once: its own earlier confirmation does not hold back its first return, while any
   * request after that waits the cooldown like every other.
   */
  private static boolean cooling(Subscriber existing, Instant now) {
    Instant sent = existing.confirmationSentAt();
    if (sent == null) {
      return false;
    }
    boolean returning = existing.status() == Subscriber.Status.UNSUBSCRIBED && existing.unsubscribedAt() != null
        && !sent.isAfter(existing.unsubscribedAt());
    return !returning && sent.plus(COOLDOWN).isAfter(now);
  }

  ApiResponse confirm(ApiRequest request) {
    String token = JsonBody.parse(request, Confirmation.class).token();
    ApiException invalid = ApiException.invalid("token", "This confirmation link is not valid, or has expired; "
        + "subscribe again to receive a new one.");
    String named = NewsletterTokens.confirmationSubscriber(token).orElseThrow(() -> invalid);
    SubscriberIds.Lookup lookup = config.ids().of(named);
    SubscriberStore.Stored stored = config.subscribers().resolve(lookup).orElseThrow(() -> invalid);
    Subscriber subscriber = stored.subscriber();
    if (subscriber.confirmTokenHash() == null || !NewsletterTokens.confirms(token, subscriber.confirmTokenHash())) {
      throw invalid;
    }
    if (subscriber.status() == Subscriber.Status.CONFIRMED) {
      return alreadyConfirmed(); // the link opened again: management tokens come with newsletter emails only
    }
    Instant now = config.now();
    if (subscriber.status() != Subscriber.Status.PENDING || subscriber.confirmExpiresAt().isBefore(now)) {
      throw invalid;
    }
    Subscriber confirmed = subscriber.confirmed(now);
    try {
      config.subscribers().put(confirmed, Optional.of(stored));
    } catch (StoreConflictException e) {
      // Confirmed at the same moment (the link opened twice at once) is a success; anything else is not.
      Subscriber current = config.subscribers().get(lookup.current()).orElseThrow(() -> invalid).subscriber();
      if (current.status() != Subscriber.Status.CONFIRMED) {
        throw invalid;
      }
      return alreadyConfirmed();
    }
    return confirmed(confirmed);
  }

  private ApiResponse confirmed(Subscriber subscriber) {
    var body = new LinkedHashMap<>(SubscriberAccess.view(subscriber));
    body.put("manageToken", config.tokens().manage(subscriber));
    return SubscriberAccess.answer(body);
  }

  private static ApiResponse alreadyConfirmed() {
    return SubscriberAccess.answer(ALREADY_CONFIRMED);
  }

  private void mail(Email email) {
    mail.send(email);
  }


  private static ApiResponse accepted() {
    return SubscriberAccess.answer(ACCEPTED).withStatus(202);
  }
}
