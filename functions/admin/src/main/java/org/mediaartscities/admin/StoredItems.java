package org.mediaartscities.admin;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Editorial;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.HistoryEntry;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.SlugTakenException;
import org.mediaartscities.shared.content.VersionConflictException;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;

/**
 * The stored item a request names, and optimistic locking around it: the version the caller read comes in
 * If-Match, goes out as the ETag, and a save at any other version is refused with 412 (a precondition the caller
 * set, which is why it is not the 409 of a lost write).
 */
final class StoredItems {

  static final String NO_CACHE = "no-store";
  private static final java.util.Set<String> PUBLICATION_ACTIONS = java.util.Set.of("published", "scheduled",
      "unpublished");

  private final AdminConfig config;
  private final MediaVisibility media;

  StoredItems(AdminConfig config) {
    this.config = config;
    this.media = new MediaVisibility(config);
  }

  /** The item of {@code /admin/{kind}/{id}}, which the caller may edit; 404 when there is none. */
  EditorialItem editable(ApiRequest request, Caller caller) {
    return editable(request, caller, kind(request));
  }

  /** The item {@code id} of a route for one kind ({@code /admin/calls/{id}/form}), which the caller may edit. */
  EditorialItem editable(ApiRequest request, Caller caller, Kind kind) {
    String id = request.path("id");
    EditorialItem item = (id.length() <= 64 ? config.repository().editorialItem(id) : Optional.<EditorialItem>empty())
        .filter(found -> found.item().kind() == kind)
        .orElseThrow(() -> ApiException.notFound("No " + kind.id() + " with id '" + id + "'."));
    caller.requireMayEdit(item.item().city());
    return item;
  }

  static Kind kind(ApiRequest request) {
    String path = request.path("kind");
    return Kind.fromPath(path).orElseThrow(() -> ApiException.notFound("No kind '" + path + "': use news, events, "
        + "calls, projects or city-to-city."));
  }

  /**
   * The version the caller read, from If-Match ({@code "3"}); required for edits (428 without it), optional for
   * publish, unpublish and delete, where its absence means "the current version".
   */
  static long expectedVersion(ApiRequest request, EditorialItem current, boolean required) {
    Optional<String> header = request.header("if-match");
    if (header.isEmpty()) {
      if (required) {
        throw preconditionRequired("item");
      }
      return current.version();
    }
    return version(header.get(), "item");
  }

  /** The version an If-Match header names ({@code "3"}, {@code W/"3"}); 412 for anything else. */
  static long version(String header, String what) {
    String tag = header.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw stale(what);
    }
  }

  /** Replaces {@code current} by {@code item} if it is still at {@code expected}, with its history entry. */
  ApiResponse save(EditorialItem current, ContentItem item, long expected, Editorial editorial, boolean renamed,
      String action, List<String> changed, Caller caller) {
    return respond(replace(current, item, expected, editorial, renamed, action, changed, caller), 200);
  }

  /** The same, returning what was stored. */
  EditorialItem replace(EditorialItem current, ContentItem item, long expected, Editorial editorial,
      boolean renamed, String action, List<String> changed, Caller caller) {
    if (expected != current.version()) {
      throw stale();
    }
    try {
      long version = config.store().replace(item, expected, editorial, renamed,
          new HistoryEntry(editorial.updatedAt(), caller.subject(), action, expected + 1, changed));
      // Publishing again also repairs images left behind by a follow-up that failed after its save.
      if (MediaVisibility.matters(current.item(), item) || PUBLICATION_ACTIONS.contains(action)) {
        media.saved(current.item(), item, version);
      }
      return new EditorialItem(item, version, editorial);
    } catch (VersionConflictException e) {
      throw stale();
    } catch (SlugTakenException e) {
      throw slugTaken(item);
    }
  }

  /** Deletes {@code current} if it is still at {@code expected}. */
  void delete(EditorialItem current, long expected, Caller caller) {
    if (expected != current.version()) {
      throw stale();
    }
    try {
      config.store().delete(current, new HistoryEntry(now(), caller.subject(), "deleted", current.version() + 1,
          List.of()));
    } catch (VersionConflictException e) {
      throw stale();
    }
    media.deleted(current.item(), current.version() + 1);
  }

  /** The item as the admin API shows it, with its version as ETag. */
  ApiResponse respond(EditorialItem item, int status) {
    return ApiResponse.json(AdminView.of(item, now()), NO_CACHE).withStatus(status)
        .withHeader("etag", etag(item.version()));
  }

  /** Another item of the kind holds the slug: the field is named, so that the editor can choose another. */
  static ApiException slugTaken(ContentItem item) {
    return ApiException.conflict("slug", "The slug '" + item.slug() + "' is already used by another "
        + item.kind().id() + ".");
  }

  // Stored and shown times need no more than milliseconds.
  Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  static ApiException stale() {
    return stale("item");
  }

  /** 412: {@code what} ("item", "jury") changed since the caller read it. */
  static ApiException stale(String what) {
    return new ApiException(412, "precondition_failed", "The " + what + " was changed since you read it: reload it, "
        + "redo your change and save again.", "If-Match");
  }

  /** 428: a change sent without the ETag of what it changes. */
  static ApiException preconditionRequired(String what) {
    return new ApiException(428, "precondition_required", "Send the " + what + "'s ETag in If-Match, so that you do "
        + "not overwrite someone else's change.", "If-Match");
  }
}
