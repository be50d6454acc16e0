package org.mediaartscities.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Editorial;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.EditorialPage;
import org.mediaartscities.shared.content.HistoryEntry;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.SlugTakenException;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.text.FieldRules;

/**
 * Drafting and editing items: create (with a free slug), list a city's items, read one, edit it at the version
 * read, and its history. Editors work on their own city's items; admins on every city's and the network's.
 */
final class ItemEditing {

  private static final int MAX_SLUG_ATTEMPTS = 50;
  private static final List<String> STATUSES = List.of("draft", "scheduled", "published", "unpublished");

  private final AdminConfig config;
  private final StoredItems items;
  private final ItemValidator validator;

  ItemEditing(AdminConfig config, StoredItems items) {
    this.config = config;
    this.items = items;
    this.validator = new ItemValidator(id -> config.repository().media(id),
        slug -> config.repository().city(slug).isPresent());
  }

  ApiResponse create(ApiRequest request) {
    Caller caller = Caller.from(request);
    Kind kind = StoredItems.kind(request);
    ItemInput input = JsonBody.parse(request, ItemInput.class);
    requireMayAskForNetwork(request, caller);
    String city = input.city() != null ? input.city() : caller.isAdmin() ? null : caller.city();
    caller.requireMayEdit(city);
    String id = UUID.randomUUID().toString();
    ContentItem draft = validator.item(kind, id, "pending", city, input, PublicationStatus.DRAFT, null);
    String base = ItemValidator.slug(input.slug()) != null ? input.slug()
        : Slugs.of(titleForSlug(draft), kind.id() + "-" + id.substring(0, 8));
    Instant now = items.now();
    Editorial editorial = Editorial.created(now, caller.subject());
    for (int attempt = 1; ; attempt++) {
      ContentItem item = draft.withSlug(Slugs.candidate(base, attempt));
      try {
        config.store().create(item, editorial, new HistoryEntry(now, caller.subject(), "created", 1, List.of()));
        return items.respond(new EditorialItem(item, 1, editorial), 201)
            .withHeader("location", "/admin/" + kind.path() + "/" + id);
      } catch (SlugTakenException e) {
        // A slug the editor chose is theirs to change; one made from the title gets the next free suffix.
        if (input.slug() != null) {
          throw StoredItems.slugTaken(item);
        }
        if (attempt == MAX_SLUG_ATTEMPTS) {
          throw ApiException.conflict("slug", "No free slug near '" + base + "'; choose one with 'slug'.");
        }
      }
    }
  }

  ApiResponse list(ApiRequest request) {
    Caller caller = Caller.from(request);
    Kind kind = StoredItems.kind(request);
    String city = listedCity(caller, request.query("city"));
    Predicate<EditorialItem> byStatus = status(request);
    int limit = limit(request);
    String scope = "admin|" + kind.path() + "|" + city + "|" + request.query("status").orElse("");
    Map<String, String> after = request.query("cursor").map(c -> config.cursors().decode(c, scope)).orElse(null);
    Instant now = items.now();
    EditorialPage page = config.repository().editorialList(kind, city, byStatus, limit, after);
    var body = new LinkedHashMap<String, Object>();
    body.put("items", page.items().stream().map(item -> AdminView.of(item, now)).toList());
    body.put("nextCursor", page.next() == null ? null : config.cursors().encode(page.next(), scope));
    return ApiResponse.json(body, StoredItems.NO_CACHE);
  }

  ApiResponse get(ApiRequest request) {
    return items.respond(items.editable(request, Caller.from(request)), 200);
  }

  ApiResponse update(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = items.editable(request, caller);
    long expected = StoredItems.expectedVersion(request, current, true);
    ItemInput input = JsonBody.parse(request, ItemInput.class);
    requireMayAskForNetwork(request, caller);
    String city = input.city() != null ? input.city() : JsonBody.namesNull(request, "city") ? null
        : current.item().city();
    caller.requireMayEdit(city);
    ContentItem old = current.item();
    String slug = Optional.ofNullable(ItemValidator.slug(input.slug())).orElse(old.slug());
    ContentItem item = validator.item(old.kind(), old.id(), slug, city, input, old.status(), old.publishedAt());
    if (old.kind() == Kind.CALL) {
      // The form has its own route and version; an edit of the call's text or dates never touches it.
      item = item.withCall(item.call().withForm(old.call().form()));
    }
    Editorial editorial = current.editorial().changed(items.now(), caller.subject());
    boolean renamed = !slug.equals(old.slug());
    if (renamed) {
      editorial = editorial.renamedFrom(old.slug());
    }
    return items.save(current, item, expected, editorial, renamed, "updated", Changes.between(old, item), caller);
  }

  ApiResponse history(ApiRequest request) {
    EditorialItem current = items.editable(request, Caller.from(request));
    List<HistoryEntry> history = config.repository().history(current.item().id());
    return ApiResponse.json(Map.of("items", history.stream().map(AdminView::of).toList()), StoredItems.NO_CACHE);
  }

  // "city": null asks for a network-wide item, which only admins write: an editor is refused, not given their city.
  private static void requireMayAskForNetwork(ApiRequest request, Caller caller) {
    if (!caller.isAdmin() && JsonBody.namesNull(request, "city")) {
      throw ApiException.forbidden("Network-wide items (\"city\": null) are written by admins; leave 'city' out to"
          + " write for " + caller.city() + ".");
    }
  }

  /** The city whose items are listed: any (or all) for an admin, only their own for an editor. */
  private static String listedCity(Caller caller, Optional<String> asked) {
    if (asked.isPresent() && (asked.get().length() > 100 || !FieldRules.isSlug(asked.get()))) {
      throw ApiException.invalid("city", "'city' is a city slug, such as lyon, or network.");
    }
    if (caller.isAdmin()) {
      return asked.orElse(null);
    }
    caller.requireMayEdit(caller.city());
    if (asked.isPresent() && !asked.get().equals(caller.city())) {
      throw ApiException.forbidden("Editors can only list the items of their own city (" + caller.city() + ").");
    }
    return caller.city();
  }

  private Predicate<EditorialItem> status(ApiRequest request) {
    Optional<String> status = request.query("status");
    if (status.isEmpty()) {
      return null;
    }
    if (!STATUSES.contains(status.get())) {
      throw ApiException.invalid("status", "'status' is draft, scheduled, published or unpublished.");
    }
    Instant now = items.now();
    return item -> AdminView.status(item.item(), now).equals(status.get());
  }

  private static int limit(ApiRequest request) {
    String raw = request.query("limit").orElse("20");
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= 100) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as an out-of-range number
    }
    throw ApiException.invalid("limit", "'limit' must be a whole number from 1 to 100.");
  }

  private static String titleForSlug(ContentItem item) {
    var en = item.translations().get("en");
    if (en != null && en.title() != null) {
      return en.title();
    }
    return item.translations().values().stream().map(t -> t.title()).filter(t -> t != null).findFirst()
        .orElse(item.kind().id());
  }
}
