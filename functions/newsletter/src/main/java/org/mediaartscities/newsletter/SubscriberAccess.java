package org.mediaartscities.newsletter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;

/**
 * Who a subscriber's own routes serve: the subscriber a management token names (in {@code ?token=}, the
 * {@code x-newsletter-token} header or a bearer token), and what they are shown. Never cached: it is personal data.
 */
final class SubscriberAccess {

  private final NewsletterApiConfig config;

  SubscriberAccess(NewsletterApiConfig config) {
    this.config = config;
  }

  /**
   * The subscriber the request's token names, if the token is still valid; 404 for anything else. A token minted
   * before ids were keyed names a legacy id, and still works (its row moves to the current id).
   */
  SubscriberStore.Stored of(ApiRequest request) {
    String token = request.query("token")
        .or(() -> request.header("x-newsletter-token"))
        .or(() -> request.header("authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")))
        .orElse(null);
    return config.tokens().verifyManage(token)
        .flatMap(manage -> config.subscribers().resolve(config.ids().of(manage.subscriberId()))
            .filter(stored -> stored.subscriber().manageEpoch() == manage.epoch()))
        .orElseThrow(() -> ApiException.notFound("This link is not valid (any more)."));
  }

  /** What a subscriber sees of their subscription. */
  static Map<String, Object> view(Subscriber subscriber) {
    var view = new LinkedHashMap<String, Object>();
    view.put("email", subscriber.email());
    view.put("status", subscriber.status());
    view.put("languages", subscriber.preferences().languages());
    view.put("cities", subscriber.preferences().cities());
    view.put("topics", subscriber.preferences().topics());
    view.put("frequency", subscriber.preferences().frequency());
    return view;
  }

  static ApiResponse answer(Object body) {
    return ApiResponse.json(body, "no-store");
  }
}
