package org.mediaartscities.newsletter;

import java.util.Optional;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;

/** A subscriber reads and changes what they receive, with the management token of any newsletter email. */
record ManagingPreferences(NewsletterApiConfig config, SubscriberAccess access) {

  ApiResponse get(ApiRequest request) {
    return SubscriberAccess.answer(SubscriberAccess.view(access.of(request).subscriber()));
  }

  /** Fields left out are kept; a change made elsewhere meanwhile is a 409 (the Router's). */
  ApiResponse update(ApiRequest request) {
    SubscriberStore.Stored stored = access.of(request);
    Subscriber subscriber = stored.subscriber();
    if (subscriber.status() != Subscriber.Status.CONFIRMED) {
      throw new ApiException(409, "not_subscribed", "This address is no longer subscribed; subscribe again to "
          + "choose what you receive.", null);
    }
    var input = JsonBody.parse(request, PreferenceRules.Input.class);
    Preferences preferences = PreferenceRules.apply(input, subscriber.preferences(), config.citySlugs());
    Subscriber updated = subscriber.withPreferences(preferences, config.now());
    config.subscribers().put(updated, Optional.of(stored));
    return SubscriberAccess.answer(SubscriberAccess.view(updated));
  }
}
