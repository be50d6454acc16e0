package org.mediaartscities.admin;

import org.mediaartscities.shared.auth.Caller;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Editorial;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.EditorialPage;
import org.mediaartscities.shared.content.HistoryEntry;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.SlugTakenException;
import org.mediaartscities.shared.content.VersionConflictException;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.http.Router;

/**
 * The city editors' API behind the JWT authorizer: drafts, edits with optimistic locking (ETag / If-Match),
 * scheduling, publishing, unpublishing, deletion, history, cities, and image uploads.
 */
public final class AdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final String NO_CACHE = "no-store";
  private static final int MAX_SLUG_ATTEMPTS = 50;

  private final AdminConfig config;
  private final ItemValidator validator;
  private final MediaUploads uploads;
  private final Router router;

  /** The constructor Lambda calls: wired from the environment, once per container. */
  public AdminHandler() {
    this(AdminConfig.fromEnvironment());
  }

  AdminHandler(AdminConfig config) {
    this.config = config;
    this.validator = new ItemValidator(config.repository()::media, slug -> config.repository().city(slug)
        .isPresent());
    this.uploads = new MediaUploads(config);
    var routes = new HashMap<String, Router.Route>();
    routes.put("POST /admin/{kind}", this::create);
    routes.put("GET /admin/{kind}", this::list);
    routes.put("GET /admin/{kind}/{id}", this::get);
    routes.put("PUT /admin/{kind}/{id}", this::update);
    routes.put("DELETE /admin/{kind}/{id}", this::delete);
    routes.put("POST /admin/{kind}/{id}/publish", this::publish);
    routes.put("POST /admin/{kind}/{id}/unpublish", this::unpublish);
    routes.put("GET /admin/{kind}/{id}/history", this::history);
    routes.put("POST /admin/cities", this::createCity);
    routes.put("PUT /admin/cities/{slug}", this::updateCity);
    routes.put("POST /admin/media", request -> uploads.request(Caller.from(request), request));
    routes.put("GET /admin/media/{id}", request -> uploads.status(Caller.from(request), request.path("id")));
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  private ApiResponse create(ApiRequest request) {
    Caller caller = Caller.from(request);
    Kind kind = kind(request);
    ItemInput input = JsonBody.parse(request, ItemInput.class);
    String city = input.city() != null ? input.city() : caller.isAdmin() ? null : caller.city();
    caller.requireMayEdit(city);
    String id = UUID.randomUUID().toString();
    ContentItem draft = validator.item(kind, id, "pending", city, input, PublicationStatus.DRAFT, null);
    String base = ItemValidator.slug(input.slug()) != null ? input.slug()
        : Slugs.of(titleForSlug(draft), kind.id() + "-" + id.substring(0, 8));
    Instant now = now();
    for (int attempt = 1; ; attempt++) {
      ContentItem item = withSlug(draft, Slugs.candidate(base, attempt));
      try {
        config.store().create(item, Editorial.created(now, caller.subject()),
            new HistoryEntry(now, caller.subject(), "created", 1, List.of()));
        EditorialItem created = new EditorialItem(item, 1, Editorial.created(now, caller.subject()));
        return itemResponse(created, 201).withHeader("location", "/admin/" + kind.path() + "/" + id);
      } catch (SlugTakenException e) {
        if (input.slug() != null) {
          throw ApiException.conflict("slug", "The slug '" + input.slug() + "' is already used by another "
              + kind.id() + ".");
        }
        if (attempt == MAX_SLUG_ATTEMPTS) {
          throw ApiException.conflict("slug", "No free slug near '" + base + "'; choose one with 'slug'.");
        }
      }
    }
  }

  private ApiResponse list(ApiRequest request) {
    Caller caller = Caller.from(request);
    Kind kind = kind(request);
    Optional<String> cityParam = request.query("city");
    if (cityParam.isPresent() && (cityParam.get().length() > 100 || !Slugs.VALID.matcher(cityParam.get()).matches())) {
      throw ApiException.invalid("city", "'city' is a city slug, such as lyon, or network.");
    }
    String city;
    if (caller.isAdmin()) {
      city = cityParam.orElse(null);
    } else {
      caller.requireMayEdit(caller.city());
      if (cityParam.isPresent() && !cityParam.get().equals(caller.city())) {
        throw ApiException.forbidden("Editors can only list the items of their own city (" + caller.city() + ").");
      }
      city = caller.city();
    }
    Predicate<EditorialItem> byStatus = status(request);
    int limit = limit(request);
    String scope = "admin|" + kind.path() + "|" + city + "|" + request.query("status").orElse("");
    Map<String, String> after = request.query("cursor").map(c -> config.cursors().decode(c, scope)).orElse(null);
    Instant now = now();
    EditorialPage page = config.repository().editorialList(kind, city, byStatus, limit, after);
    var body = new LinkedHashMap<String, Object>();
    body.put("items", page.items().stream().map(item -> AdminView.of(item, now)).toList());
    body.put("nextCursor", page.next() == null ? null : config.cursors().encode(page.next(), scope));
    return ApiResponse.json(body, NO_CACHE);
  }

  private ApiResponse get(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem item = find(request);
    caller.requireMayEdit(item.item().city());
    return itemResponse(item, 200);
  }

  private ApiResponse update(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = find(request);
    caller.requireMayEdit(current.item().city());
    long expected = ifMatch(request, true);
    ItemInput input = JsonBody.parse(request, ItemInput.class);
    String city = input.city() != null ? input.city() : current.item().city();
    caller.requireMayEdit(city);
    String slug = Optional.ofNullable(ItemValidator.slug(input.slug())).orElse(current.item().slug());
    ContentItem old = current.item();
    ContentItem item = validator.item(old.kind(), old.id(), slug, city, input, old.status(), old.publishedAt());
    Instant now = now();
    Editorial editorial = current.editorial().changed(now, caller.subject());
    boolean renamed = !slug.equals(old.slug());
    if (renamed) {
      editorial = editorial.renamedFrom(old.slug());
    }
    return save(current, item, expected, editorial, renamed, "updated", Changes.between(old, item), caller);
  }

  private ApiResponse publish(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = find(request);
    caller.requireMayEdit(current.item().city());
    long expected = ifMatch(request, false);
    Instant now = now();
    Instant at = now;
    if (request.body() != null && !request.body().isBlank()) {
      PublishInput input = JsonBody.parse(request, PublishInput.class);
      if (input.at() != null) {
        at = ItemValidator.instant("at", input.at());
      }
    }
    boolean scheduled = at.isAfter(now);
    ContentItem old = current.item();
    ContentItem item = new ContentItem(old.id(), old.kind(), old.slug(), old.city(), old.originalLanguage(),
        old.translations(), old.tags(), old.images(), PublicationStatus.PUBLISHED,
        (scheduled ? at : now).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), old.event(),
        old.call(), old.project());
    return save(current, item, expected, current.editorial().changed(now, caller.subject()), false,
        scheduled ? "scheduled" : "published", List.of("status", "publishedAt"), caller);
  }

  private ApiResponse unpublish(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = find(request);
    caller.requireMayEdit(current.item().city());
    long expected = ifMatch(request, false);
    ContentItem old = current.item();
    ContentItem item = new ContentItem(old.id(), old.kind(), old.slug(), old.city(), old.originalLanguage(),
        old.translations(), old.tags(), old.images(), PublicationStatus.UNPUBLISHED, old.publishedAt(), old.event(),
        old.call(), old.project());
    Instant now = now();
    return save(current, item, expected, current.editorial().changed(now, caller.subject()), false, "unpublished",
        List.of("status"), caller);
  }

  private ApiResponse delete(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = find(request);
    caller.requireMayEdit(current.item().city());
    long expected = ifMatch(request, false);
    if (expected != current.version()) {
      throw stale();
    }
    Instant now = now();
    try {
      config.store().delete(current, new HistoryEntry(now, caller.subject(), "deleted", current.version() + 1,
          List.of()));
    } catch (VersionConflictException e) {
      throw stale();
    }
    return new ApiResponse(204, "", Map.of("cache-control", NO_CACHE));
  }

  private ApiResponse history(ApiRequest request) {
    Caller caller = Caller.from(request);
    EditorialItem current = find(request);
    caller.requireMayEdit(current.item().city());
    var body = Map.of("items", config.repository().history(current.item().id()).stream().map(AdminView::of).toList());
    return ApiResponse.json(body, NO_CACHE);
  }

  private ApiResponse createCity(ApiRequest request) {
    Caller.from(request).requireAdmin();
    City city = CityInput.validate(JsonBody.parse(request, City.class), null);
    if (!config.store().createCity(city)) {
      throw ApiException.conflict("slug", "The city '" + city.slug() + "' already exists.");
    }
    return ApiResponse.json(city, NO_CACHE).withStatus(201).withHeader("location", "/cities/" + city.slug());
  }

  private ApiResponse updateCity(ApiRequest request) {
    Caller.from(request).requireAdmin();
    City city = CityInput.validate(JsonBody.parse(request, City.class), request.path("slug"));
    if (!config.store().updateCity(city)) {
      throw ApiException.notFound("No city '" + city.slug() + "'.");
    }
    return ApiResponse.json(city, NO_CACHE);
  }

  private ApiResponse save(EditorialItem current, ContentItem item, long expected, Editorial editorial,
      boolean renamed, String action, List<String> changed, Caller caller) {
    if (expected != current.version()) {
      throw stale();
    }
    try {
      long version = config.store().replace(item, expected, editorial, renamed,
          new HistoryEntry(editorial.updatedAt(), caller.subject(), action, expected + 1, changed));
      return itemResponse(new EditorialItem(item, version, editorial), 200);
    } catch (VersionConflictException e) {
      throw stale();
    } catch (SlugTakenException e) {
      throw ApiException.conflict("slug", "The slug '" + item.slug() + "' is already used by another "
          + item.kind().id() + ".");
    }
  }

  private ApiResponse itemResponse(EditorialItem item, int status) {
    return ApiResponse.json(AdminView.of(item, now()), NO_CACHE).withStatus(status)
        .withHeader("etag", etag(item.version()));
  }

  private EditorialItem find(ApiRequest request) {
    Kind kind = kind(request);
    String id = request.path("id");
    return (id.length() <= 64 ? config.repository().editorialItem(id) : Optional.<EditorialItem>empty())
        .filter(item -> item.item().kind() == kind)
        .orElseThrow(() -> ApiException.notFound("No " + kind.id() + " with id '" + id + "'."));
  }

  private static Kind kind(ApiRequest request) {
    String path = request.path("kind");
    return Kind.fromPath(path).orElseThrow(() -> ApiException.notFound("No kind '" + path + "': use news, events, "
        + "calls, projects or city-to-city."));
  }

  /**
   * The version the caller read, from If-Match ({@code "3"}); required for edits (428 without it), optional for
   * publish, unpublish and delete, where its absence means "whatever the current version".
   */
  private long ifMatch(ApiRequest request, boolean required) {
    Optional<String> header = request.header("if-match");
    if (header.isEmpty()) {
      if (required) {
        throw new ApiException(428, "precondition_required", "Send the item's ETag in If-Match, so that you do not "
            + "overwrite someone else's change.", "If-Match");
      }
      return find(request).version();
    }
    String tag = header.get().strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw stale();
    }
  }

  private static ApiException stale() {
    return new ApiException(412, "precondition_failed", "The item was changed since you read it: reload it, redo "
        + "your change and save again.", "If-Match");
  }

  // Stored and shown times need no more than milliseconds; publication times no more than seconds.
  private Instant now() {
    return config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private Predicate<EditorialItem> status(ApiRequest request) {
    Optional<String> status = request.query("status");
    if (status.isEmpty()) {
      return null;
    }
    if (!List.of("draft", "scheduled", "published", "unpublished").contains(status.get())) {
      throw ApiException.invalid("status", "'status' is draft, scheduled, published or unpublished.");
    }
    Instant now = now();
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
      // reported below
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

  private static ContentItem withSlug(ContentItem item, String slug) {
    return new ContentItem(item.id(), item.kind(), slug, item.city(), item.originalLanguage(), item.translations(),
        item.tags(), item.images(), item.status(), item.publishedAt(), item.event(), item.call(), item.project());
  }

  /** The optional body of publish: when to publish. */
  record PublishInput(String at) {}
}
