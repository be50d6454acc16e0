package org.mediaartscities.newsletter;

import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.store.StoreConflictException;

/**
 * RFC 8058 one-click unsubscribing with the link of any newsletter email: a POST with
 * {@code List-Unsubscribe=One-Click} unsubscribes, and repeating it changes nothing. A GET never unsubscribes (mail
 * scanners open links): it says what a POST would do.
 */
record Unsubscribing(NewsletterApiConfig config, SubscriberAccess access) {

  /** Writes lost to a concurrent change (a preference, a bounce) before giving up with a 409. */
  static final int ATTEMPTS = 3;

  ApiResponse page(ApiRequest request) {
    Subscriber subscriber = access.of(request).subscriber();
    boolean wantsHtml = request.header("accept").map(a -> a.contains("text/html")).orElse(false);
    if (!wantsHtml) {
      return SubscriberAccess.answer(Map.of("email", subscriber.email(), "status", subscriber.status(), "action",
          "POST to this URL (body List-Unsubscribe=One-Click) unsubscribes this address from the newsletter."));
    }
    return ApiResponse.ok(NewsletterEmails.unsubscribePage(subscriber), "text/html; charset=utf-8", "no-store");
  }

  ApiResponse unsubscribe(ApiRequest request) {
    for (int attempt = 1; ; attempt++) {
      SubscriberStore.Stored stored = access.of(request);
      Subscriber subscriber = stored.subscriber();
      if (subscriber.status() != Subscriber.Status.CONFIRMED && subscriber.status() != Subscriber.Status.PENDING) {
        break;
      }
      try {
        config.subscribers().put(subscriber.unsubscribed(config.now()), Optional.of(stored));
        break;
      } catch (StoreConflictException e) {
        // It changed meanwhile: unsubscribe what is there now.
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
    return SubscriberAccess.answer(Map.of("status", "unsubscribed", "message",
        "This address will receive no more newsletters."));
  }
}
