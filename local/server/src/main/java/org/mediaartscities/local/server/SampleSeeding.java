package org.mediaartscities.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.json.Json;

/**
 * The dev server's sample data, written through the admin API, as an admin would: the cities, then each item as a
 * draft, its call form, and its publication. Sample data is only what the API could have made: whatever the API
 * refuses fails the start, rather than living in the store without a way to make it.
 *
 * <p>Items keep their own dates (events, calls), and are published at the start; sample images are left out, since
 * an image is an upload checked by the media function, and the sample data ships no image files.
 */
final class SampleSeeding {

  private static final Map<String, String> ADMIN = ApiEvents.admin();

  private final LocalDeployment deployment;

  SampleSeeding(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  /** Writes the 22 cities; returns how many. */
  int cities() {
    List<City> cities = SampleData.cities();
    for (City city : cities) {
      call("POST /admin/cities", "/admin/cities", Json.write(city), 201);
    }
    return cities.size();
  }

  /** Writes every sample item (as of {@code now}), its form if it is a call with one, and publishes it. */
  int items(Instant now) {
    List<ContentItem> items = SampleData.items(now);
    for (ContentItem item : items) {
      String base = "/admin/" + item.kind().path();
      String created = call("POST /admin/{kind}", base, Json.write(body(item)), 201);
      String id = Json.read(created, Map.class).get("id").toString();
      String path = base + "/" + id;
      if (item.call() != null && item.call().form() != null) {
        call("PUT /admin/calls/{id}/form", path + "/form", Json.write(item.call().form()), 200, "if-match", "\"1\"");
      }
      call("POST /admin/{kind}/{id}/publish", path + "/publish", "{}", 200);
    }
    return items.size();
  }

  /** The body an editor would send for this item: every field the admin API takes. */
  static Map<String, Object> body(ContentItem item) {
    var body = new LinkedHashMap<String, Object>();
    body.put("slug", item.slug());
    body.put("city", item.city());
    body.put("originalLanguage", item.originalLanguage());
    body.put("translations", item.translations());
    body.put("tags", item.tags());
    if (item.event() != null) {
      var event = item.event();
      body.put("startsAt", local(event.startsAt(), event.timeZone()));
      body.put("endsAt", local(event.endsAt(), event.timeZone()));
      body.put("timeZone", event.timeZone());
      body.put("venue", event.venue());
      body.put("onlineUrl", event.onlineUrl());
      body.put("attendanceMode", event.attendanceMode());
    }
    if (item.call() != null) {
      var call = item.call();
      body.put("opensAt", local(call.opensAt(), call.timeZone()));
      body.put("closesAt", local(call.closesAt(), call.timeZone()));
      body.put("timeZone", call.timeZone());
      body.put("contact", call.contact());
    }
    if (item.project() != null) {
      var project = item.project();
      body.put("year", project.year());
      body.put("edition", project.edition());
      body.put("participatingCities", project.participatingCities());
      body.put("artists", project.artists());
      body.put("links", project.links());
    }
    return body;
  }

  private static String local(Instant instant, String zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone)).toOffsetDateTime());
  }

  private String call(String routeKey, String path, String body, int expected, String... headers) {
    APIGatewayV2HTTPResponse response = deployment.functions().invoke("AdminFunction",
        ApiEvents.request(ADMIN, routeKey, path, body, headers));
    if (response.getStatusCode() != expected) {
      throw new IllegalStateException("Seeding the sample data: " + routeKey + " " + path + " answered "
          + response.getStatusCode() + " " + response.getBody());
    }
    return response.getBody();
  }
}
