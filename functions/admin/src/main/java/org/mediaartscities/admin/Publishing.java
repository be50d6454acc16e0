package org.mediaartscities.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;

/**
 * What the public sees of an item: publishing now or at a later time (scheduling needs nothing else to run: the
 * public API compares the publication time with its clock), unpublishing, deleting.
 */
final class Publishing {

  private final StoredItems items;

  Publishing(StoredItems items) {
    this.items = items;
  }

  /** The optional body of publish: when to publish. */
  record PublishInput(String at) {}

  ApiResponse publish(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = items.editable(request, caller);
    long expected = StoredItems.expectedVersion(request, current, false);
    Instant now = items.now();
    Instant at = now;
    if (request.body() != null && !request.body().isBlank()) {
      PublishInput input = JsonBody.parse(request, PublishInput.class);
      if (input.at() != null) {
        at = InputFields.instant("at", input.at());
      }
    }
    boolean scheduled = at.isAfter(now);
    // Publication times need no more than seconds.
    ContentItem item = current.item().withStatus(PublicationStatus.PUBLISHED)
        .withPublishedAt((scheduled ? at : now).truncatedTo(ChronoUnit.SECONDS));
    return items.save(current, item, expected, current.editorial().changed(now, caller.subject()), false,
        scheduled ? "scheduled" : "published", List.of("status", "publishedAt"), caller);
  }

  ApiResponse unpublish(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = items.editable(request, caller);
    long expected = StoredItems.expectedVersion(request, current, false);
    ContentItem item = current.item().withStatus(PublicationStatus.UNPUBLISHED);
    return items.save(current, item, expected, current.editorial().changed(items.now(), caller.subject()), false,
        "unpublished", List.of("status"), caller);
  }

  ApiResponse delete(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = items.editable(request, caller);
    items.delete(current, StoredItems.expectedVersion(request, current, false), caller);
    return new ApiResponse(204, "", Map.of("cache-control", StoredItems.NO_CACHE));
  }
}
