package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.admin.AdminTestBed.editor;
import static org.mediaartscities.admin.AdminTestBed.json;
import static org.mediaartscities.admin.AdminTestBed.news;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.fortuna.ical4j.data.CalendarBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.Kind;

/** Scheduling, unpublishing and deleting, seen from the public API, the RSS feed and the calendar. */
class PublishingVisibilityTest {

  private static AdminTestBed bed;

  @BeforeAll
  static void cities() {
    bed = new AdminTestBed(PublishingVisibilityTest.class);
    SampleData.cities().forEach(bed.store::putCity);
  }

  @Test
  void aScheduledNewsItemIsHiddenUntilItsTimeAndNeedsNothingElseToAppear() {
    String path = create("/admin/news", news(null, "Programmé", "Scheduled"));
    Instant at = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    JsonNode scheduled = json(bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish", path + "/publish",
        "{\"at\": \"" + OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(1)) + "\"}"));

    assertThat(scheduled.get("status").asText()).isEqualTo("scheduled");
    assertThat(visibleInNews("scheduled")).isFalse();
    assertThat(bed.publicApi("GET /news/{slug}", "/news/scheduled").getStatusCode()).isEqualTo(404);
    assertThat(rss()).doesNotContain("Scheduled");
    // The public API decides on its own clock, at every read: at the time, the stored item is public as it is.
    // (ContentScheduleTest moves the public API's clock across that time.)
    assertThat(bed.repository.publicItem(Kind.NEWS, "scheduled", at.minusMillis(1))).isEmpty();
    assertThat(bed.repository.publicItem(Kind.NEWS, "scheduled", at)).isPresent();
  }

  @Test
  void unpublishingAndDeletingRemoveAnEventFromEveryPublicView() throws Exception {
    Instant starts = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
    String event = """
        {"translations": {"en": {"title": "Vanishing concert"}}, "startsAt": "%s", "endsAt": "%s",
         "timeZone": "Europe/Paris", "attendanceMode": "offline", "venue": {"name": "Hall"}}"""
        .formatted(OffsetDateTime.ofInstant(starts, ZoneOffset.UTC), OffsetDateTime.ofInstant(starts.plusSeconds(
            7200), ZoneOffset.UTC));
    String path = create("/admin/events", event);
    bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish", path + "/publish", null);
    assertThat(calendar()).contains("Vanishing concert");
    assertThat(bed.publicApi("GET /events/{slug}", "/events/vanishing-concert").getStatusCode()).isEqualTo(200);

    bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/unpublish", path + "/unpublish", null);
    assertThat(calendar()).doesNotContain("Vanishing concert");
    assertThat(bed.publicApi("GET /events/{slug}", "/events/vanishing-concert").getStatusCode()).isEqualTo(404);
    assertThat(json(bed.publicApi("GET /events", "/events", "city", "lyon")).get("items").toString())
        .doesNotContain("vanishing-concert");

    bed.admin(editor("lyon"), "POST /admin/{kind}/{id}/publish", path + "/publish", null);
    assertThat(calendar()).contains("Vanishing concert");
    var deleted = bed.admin(editor("lyon"), "DELETE /admin/{kind}/{id}", path, null);
    assertThat(deleted.getStatusCode()).isEqualTo(204);
    assertThat(calendar()).doesNotContain("Vanishing concert");
    assertThat(bed.publicApi("GET /events/{slug}", "/events/vanishing-concert").getStatusCode()).isEqualTo(404);
    assertThat(bed.admin(editor("lyon"), "GET /admin/{kind}/{id}", path, null).getStatusCode()).isEqualTo(404);
    String id = path.substring(path.lastIndexOf('/') + 1);
    assertThat(bed.repository.history(id)).extracting(h -> h.action())
        .containsExactly("created", "published", "unpublished", "published", "deleted");
  }

  @Test
  void deletingFreesTheSlug() {
    String path = create("/admin/news", news(null, "Recyclé", "Recycled"));
    bed.admin(editor("lyon"), "DELETE /admin/{kind}/{id}", path, null);

    JsonNode again = json(bed.admin(editor("lyon"), "POST /admin/{kind}", "/admin/news",
        news(null, "Recyclé", "Recycled")));
    assertThat(again.get("slug").asText()).isEqualTo("recycled");
  }

  private static String create(String collection, String body) {
    var response = bed.admin(editor("lyon"), "POST /admin/{kind}", collection, body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return response.getHeaders().get("location");
  }

  private static boolean visibleInNews(String slug) {
    return json(bed.publicApi("GET /news", "/news", "city", "lyon")).get("items").toString()
        .contains("\"slug\":\"" + slug + "\"");
  }

  private static String rss() {
    return bed.publicApi("GET /news/feed.rss", "/news/feed.rss", "lang", "en").getBody();
  }

  private static String calendar() throws Exception {
    String ics = bed.publicApi("GET /events/calendar.ics", "/events/calendar.ics", "city", "lyon").getBody();
    new CalendarBuilder().build(new StringReader(ics));
    return ics;
  }
}
