package org.mediaartscities.content;

import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ItemPage;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.Media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * The public content API: cities, and the lists, details and feeds of news, events, calls, projects and
 * City to City. Read-only; every answer is cacheable and carries an ETag.
 */
public final class ContentHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String ITEM_CACHE = "public, max-age=60";
  static final String CITY_CACHE = "public, max-age=300";
  static final String FEED_CACHE = "public, max-age=300";
  static final String CONTRACT_CACHE = "public, max-age=300";
  static final int CALENDAR_MAX_EVENTS = 500;

  private final ContentConfig config;
  private final ItemView views;
  private final Router router;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  /** The constructor Lambda calls: wired from the environment, once per container, and primed for SnapStart. */
  public ContentHandler() {
    this(ContentConfig.fromEnvironment());
    priming = new ContentPriming(this, config).register();
  }

  ContentHandler(ContentConfig config) {
    this.config = config;
    this.views = new ItemView(config.mediaBaseUrl());
    var routes = new HashMap<String, Router.Route>();
    routes.put("GET /cities", this::listCities);
    routes.put("GET /cities/{slug}", this::getCity);
    routes.put("GET /news/feed.rss", this::newsFeed);
    routes.put("GET /events/calendar.ics", this::eventsCalendar);
    routes.put("GET /openapi.json", request -> ApiResponse.ok(OpenApiContract.json(), OpenApiContract.CONTENT_TYPE,
        CONTRACT_CACHE));
    for (Kind kind : Kind.values()) {
      routes.put("GET /" + kind.path(), request -> listItems(kind, request));
      routes.put("GET /" + kind.path() + "/{slug}", request -> getItem(kind, request));
    }
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  Router router() {
    return router;
  }

  private ApiResponse listCities(ApiRequest request) {
    LanguagePreference preference = preference(request);
    var items = config.repository().cities().stream().map(city -> CityView.of(city, preference)).toList();
    return localized(list(items, null), CITY_CACHE);
  }

  private ApiResponse getCity(ApiRequest request) {
    String slug = request.path("slug");
    LanguagePreference preference = preference(request);
    return validSlug(slug).flatMap(config.repository()::city)
        .map(city -> localized(CityView.of(city, preference), CITY_CACHE))
        .orElseThrow(() -> ApiException.notFound("No city '" + slug + "'."));
  }

  private ApiResponse listItems(Kind kind, ApiRequest request) {
    ListParameters parameters = ListParameters.from(request, kind);
    LanguagePreference preference = preference(request);
    String scope = parameters.scope(kind);
    Map<String, String> after = parameters.cursor() == null ? null
        : config.cursors().decode(parameters.cursor(), scope);
    Instant now = config.clock().instant();
    ItemPage page = config.repository().list(PublicListQuery.of(kind, parameters, after, now), now);
    var items = page.items().stream().map(item -> views.summary(Localized.of(item, preference), now)).toList();
    String next = page.next() == null ? null : config.cursors().encode(page.next(), scope);
    return localized(list(items, next), ITEM_CACHE);
  }

  private ApiResponse getItem(Kind kind, ApiRequest request) {
    String slug = request.path("slug");
    LanguagePreference preference = preference(request);
    Instant now = config.clock().instant();
    ContentItem item = validSlug(slug).flatMap(s -> config.repository().publicItem(kind, s, now))
        .orElseThrow(() -> ApiException.notFound("No " + kind.id() + " '" + slug + "'."));
    Map<String, Object> view = views.detail(Localized.of(item, preference), now);
    if (!item.slug().equals(slug)) {
      view.put("movedFrom", slug);
    }
    return localized(view, ITEM_CACHE);
  }

  private ApiResponse newsFeed(ApiRequest request) {
    String city = ListParameters.slug(request, "city");
    LanguagePreference preference = preference(request);
    Instant now = config.clock().instant();
    var news = config.repository().list(PublicListQuery.newsFeed(city, now), now).items().stream()
        .map(item -> Localized.of(item, preference)).toList();
    String body = RssFeed.write(news, config.frontendBaseUrl(), preference.primaryOrDefault(),
        feedTitle(city, preference), now);
    return ApiResponse.ok(body, "application/rss+xml; charset=utf-8", FEED_CACHE).withHeader("vary", "accept-language");
  }

  private ApiResponse eventsCalendar(ApiRequest request) {
    String city = ListParameters.slug(request, "city");
    LanguagePreference preference = preference(request);
    Instant now = config.clock().instant();
    // Subscribed calendars keep what they have seen; a month of past events lets a late sync still show them.
    Instant since = now.minus(30, ChronoUnit.DAYS);
    var events = new ArrayList<Localized>();
    Map<String, String> after = null;
    do {
      ItemPage page = config.repository().list(PublicListQuery.calendar(city, since, after), now);
      page.items().forEach(item -> events.add(Localized.of(item, preference)));
      after = page.next();
    } while (after != null && events.size() < CALENDAR_MAX_EVENTS);
    String body = IcsCalendar.write(events, config.frontendBaseUrl(), feedTitle(city, preference), now);
    return ApiResponse.ok(body, "text/calendar; charset=utf-8", FEED_CACHE).withHeader("vary", "accept-language");
  }

  /** A feed's title: the network's name, and the city's name in the feed's language when it is one city's feed. */
  private String feedTitle(String city, LanguagePreference preference) {
    String network = "UNESCO Creative Cities of Media Arts";
    if (city == null) {
      return network;
    }
    // An unknown city's feed is empty, as its list is; it keeps the network's name.
    return config.repository().city(city).map(c -> network + " — " + CityView.of(c, preference).get("name"))
        .orElse(network);
  }

  private static Map<String, Object> list(List<?> items, String nextCursor) {
    var body = new LinkedHashMap<String, Object>();
    body.put("items", items);
    body.put("nextCursor", nextCursor);
    return body;
  }

  private static ApiResponse localized(Object body, String cacheControl) {
    return ApiResponse.json(body, cacheControl).withHeader("vary", "accept-language");
  }

  private static LanguagePreference preference(ApiRequest request) {
    return LanguagePreference.of(request);
  }

  private static Optional<String> validSlug(String slug) {
    return ListParameters.isSlug(slug) ? Optional.of(slug) : Optional.empty();
  }
}
