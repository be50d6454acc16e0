package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.mail.EmailAddress;

/**
 * The newsletter's public routes: subscribing (double opt-in, the same answer for every address), confirming,
 * preferences and one-click unsubscribing with the token of any newsletter email, and the digests' archive.
 */
public final class NewsletterHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final String NO_STORE = "no-store";
  /** A confirmation link works this long. */
  static final Duration CONFIRM_FOR = Duration.ofHours(48);
  /** An address is mailed (a confirmation or a reminder) at most this often, however often it is asked. */
  static final Duration COOLDOWN = Duration.ofMinutes(15);
  private static final Map<String, Object> ACCEPTED = Map.of("status", "pending", "message",
      "If this address can receive email, a message is on its way to it: open its link to confirm.");

  private final NewsletterConfig config;
  private final Router router;

  public NewsletterHandler() {
    this(NewsletterConfig.fromEnvironment());
  }

  NewsletterHandler(NewsletterConfig config) {
    this.config = config;
    var routes = new HashMap<String, Router.Route>();
    routes.put("POST /newsletter/subscriptions", this::subscribe);
    routes.put("POST /newsletter/confirm", this::confirm);
    routes.put("GET /newsletter/preferences", request -> ApiResponse.json(view(managed(request).subscriber()),
        NO_STORE));
    routes.put("PUT /newsletter/preferences", this::updatePreferences);
    routes.put("GET /newsletter/unsubscribe", this::unsubscribePage);
    routes.put("POST /newsletter/unsubscribe", this::unsubscribe);
    var archive = new DigestArchive(config);
    routes.put("GET /newsletter/digests", archive::list);
    routes.put("GET /newsletter/digests/{id}", archive::get);
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  /** The body of a subscription; {@code nickname} is a honeypot that people never see. */
  record Subscription(String email, List<String> languages, List<String> cities, List<String> topics,
      String frequency, String nickname, String captchaToken) {}

  /** The body of a confirmation. */
  record Confirmation(String token) {}

  private ApiResponse subscribe(ApiRequest request) {
    Subscription input = JsonBody.parse(request, Subscription.class);
    if (input.email() == null || input.email().isBlank()) {
      throw ApiException.invalid("email", "'email' is required.");
    }
    String email = input.email().strip();
    if (!EmailAddress.isPlausible(email)) {
      throw ApiException.invalid("email", "This is not an email address.");
    }
    String language = LanguagePreference.of(Optional.empty(), request.header("accept-language").orElse(null))
        .primaryOrDefault();
    Preferences preferences = PreferenceRules.apply(new PreferenceRules.Input(input.languages(), input.cities(),
        input.topics(), input.frequency()), PreferenceRules.defaults(language), cities());
    if (input.nickname() != null && !input.nickname().isBlank()) {
      return accepted(); // a bot filled the hidden field: the same answer, nothing kept
    }
    config.captcha().verify(input.captchaToken());
    try {
      register(email, preferences, now());
    } catch (SubscriberStore.Conflict e) {
      // Another request for this address wrote at the same moment, and mailed it.
    }
    return accepted();
  }

  /** What subscribing does, by the address's state; the caller learns none of it. */
  private void register(String email, Preferences preferences, Instant now) {
    String id = SecretTokens.emailHash(email);
    Optional<SubscriberStore.Stored> stored = config.subscribers().get(id);
    if (stored.isEmpty()) {
      var confirmation = config.tokens().confirmation(id);
      Subscriber created = Subscriber.pending(id, email, preferences, confirmation.hash(), now.plus(CONFIRM_FOR), now,
          0);
      config.subscribers().put(created, stored);
      mail(config.emails().confirmation(created, confirmation.token()));
      return;
    }
    Subscriber existing = stored.get().subscriber();
    boolean cooling = existing.confirmationSentAt() != null && existing.confirmationSentAt().plus(COOLDOWN).isAfter(now);
    if (cooling) {
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

  private ApiResponse confirm(ApiRequest request) {
    String token = JsonBody.parse(request, Confirmation.class).token();
    ApiException invalid = ApiException.invalid("token", "This confirmation link is not valid, or has expired; "
        + "subscribe again to receive a new one.");
    String id = NewsletterTokens.confirmationSubscriber(token).orElseThrow(() -> invalid);
    SubscriberStore.Stored stored = config.subscribers().get(id).orElseThrow(() -> invalid);
    Subscriber subscriber = stored.subscriber();
    if (subscriber.confirmTokenHash() == null || !NewsletterTokens.confirms(token, subscriber.confirmTokenHash())) {
      throw invalid;
    }
    if (subscriber.status() == Subscriber.Status.CONFIRMED) {
      return confirmed(subscriber); // the link opened twice
    }
    if (subscriber.status() != Subscriber.Status.PENDING || subscriber.confirmExpiresAt().isBefore(now())) {
      throw invalid;
    }
    Subscriber confirmed = subscriber.confirmed(now());
    try {
      config.subscribers().put(confirmed, Optional.of(stored));
    } catch (SubscriberStore.Conflict e) {
      Subscriber current = config.subscribers().get(id).orElseThrow(() -> invalid).subscriber();
      if (current.status() != Subscriber.Status.CONFIRMED) {
        throw invalid;
      }
      confirmed = current;
    }
    return confirmed(confirmed);
  }

  private ApiResponse confirmed(Subscriber subscriber) {
    var body = new LinkedHashMap<String, Object>(view(subscriber));
    body.put("manageToken", config.tokens().manage(subscriber));
    return ApiResponse.json(body, NO_STORE);
  }

  private ApiResponse updatePreferences(ApiRequest request) {
    SubscriberStore.Stored stored = managed(request);
    Subscriber subscriber = stored.subscriber();
    if (subscriber.status() != Subscriber.Status.CONFIRMED) {
      throw new ApiException(409, "not_subscribed", "This address is no longer subscribed; subscribe again to "
          + "choose what you receive.", null);
    }
    var input = JsonBody.parse(request, PreferenceRules.Input.class);
    Preferences preferences = PreferenceRules.apply(input, subscriber.preferences(), cities());
    Subscriber updated = subscriber.withPreferences(preferences, now());
    try {
      config.subscribers().put(updated, Optional.of(stored));
    } catch (SubscriberStore.Conflict e) {
      throw new ApiException(409, "conflict", "These preferences changed at the same time elsewhere; reload them.",
          null);
    }
    return ApiResponse.json(view(updated), NO_STORE);
  }

  /** GET never unsubscribes (mail scanners open links): it says what a POST would do. */
  private ApiResponse unsubscribePage(ApiRequest request) {
    Subscriber subscriber = managed(request).subscriber();
    boolean wantsHtml = request.header("accept").map(a -> a.contains("text/html")).orElse(false);
    if (!wantsHtml) {
      return ApiResponse.json(Map.of("email", subscriber.email(), "status", subscriber.status(), "action",
          "POST to this URL (body List-Unsubscribe=One-Click) unsubscribes this address from the newsletter."),
          NO_STORE);
    }
    String lang = NewsletterEmails.language(subscriber);
    String html = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
        + " content=\"width=device-width\"><title>" + NewsletterEmails.html(NewsletterEmails.TEXTS.text(
            "digest.unsubscribe", lang)) + "</title></head><body style=\"font-family: Arial, sans-serif;\"><p>"
        + NewsletterEmails.html(subscriber.email()) + "</p><form method=\"post\"><input type=\"hidden\" "
        + "name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">" + NewsletterEmails.html(
            NewsletterEmails.TEXTS.text("digest.unsubscribe", lang)) + "</button></form></body></html>";
    return ApiResponse.ok(html, "text/html; charset=utf-8", NO_STORE);
  }

  /** RFC 8058 one-click: a POST with {@code List-Unsubscribe=One-Click}; repeating it changes nothing. */
  private ApiResponse unsubscribe(ApiRequest request) {
    // A conflict means it changed meanwhile (a preference, a bounce): unsubscribe what is there now.
    for (int attempt = 0; ; attempt++) {
      SubscriberStore.Stored stored = managed(request);
      Subscriber subscriber = stored.subscriber();
      if (subscriber.status() != Subscriber.Status.CONFIRMED && subscriber.status() != Subscriber.Status.PENDING) {
        break;
      }
      try {
        config.subscribers().put(subscriber.unsubscribed(now()), Optional.of(stored));
        break;
      } catch (SubscriberStore.Conflict e) {
        if (attempt == 2) {
          throw new ApiException(409, "conflict", "This subscription is changing right now; try again.", null);
        }
      }
    }
    return ApiResponse.json(Map.of("status", "unsubscribed", "message",
        "This address will receive no more newsletters."), NO_STORE);
  }

  /** The subscriber a management token names, if it is still valid; 404 for anything else. */
  private SubscriberStore.Stored managed(ApiRequest request) {
    String token = request.query("token")
        .or(() -> request.header("x-newsletter-token"))
        .or(() -> request.header("authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")))
        .orElse(null);
    return config.tokens().verifyManage(token)
        .flatMap(manage -> config.subscribers().get(manage.subscriberId())
            .filter(stored -> stored.subscriber().manageEpoch() == manage.epoch()))
        .orElseThrow(() -> ApiException.notFound("This link is not valid (any more)."));
  }

  private static Map<String, Object> view(Subscriber subscriber) {
    var view = new LinkedHashMap<String, Object>();
    view.put("email", subscriber.email());
    view.put("status", subscriber.status());
    view.put("languages", subscriber.preferences().languages());
    view.put("cities", subscriber.preferences().cities());
    view.put("topics", subscriber.preferences().topics());
    view.put("frequency", subscriber.preferences().frequency());
    return view;
  }

  private Set<String> cities() {
    return config.content().cities().stream().map(City::slug).collect(Collectors.toSet());
  }

  private void mail(Email email) {
    try {
      config.mailer().send(email);
    } catch (RuntimeException e) {
      // The subscription is stored; asking again after the cooldown mails again. SES messages can name the address.
      System.err.println("Sending a newsletter email failed: " + e.getClass().getSimpleName());
    }
  }

  private static ApiResponse accepted() {
    return ApiResponse.json(ACCEPTED, NO_STORE).withStatus(202);
  }

  private Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
