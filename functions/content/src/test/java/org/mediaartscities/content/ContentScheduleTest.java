package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.detail;
import static org.mediaartscities.content.ContentTestBed.get;
import static org.mediaartscities.content.ContentTestBed.json;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;

/** A scheduled item becomes public at its time, on the public API's clock, with no job run in between. */
class ContentScheduleTest {

  private static final Instant AT = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
  private static ContentTestBed bed;

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentScheduleTest.class);
    SampleData.cities().forEach(bed.store::putCity);
    bed.store.putItem(new ContentItem("scheduled-1", Kind.NEWS, "scheduled", "lyon", "en",
        Map.of("en", Translation.of("Scheduled", "Soon", null)), List.of(), List.of(), PublicationStatus.PUBLISHED,
        AT, null, null, null));
  }

  @Test
  void aScheduledNewsItemAppearsInTheListTheDetailAndTheFeedAtItsTime() {
    InstantSource before = InstantSource.fixed(AT.minusMillis(1));
    InstantSource at = InstantSource.fixed(AT);

    assertThat(json(bed.invokeAt(before, get("GET /news", "/news", "city", "lyon"))).get("items")).isEmpty();
    assertThat(bed.invokeAt(before, detail(Kind.NEWS, "scheduled")).getStatusCode()).isEqualTo(404);
    assertThat(bed.invokeAt(before, get("GET /news/feed.rss", "/news/feed.rss")).getBody())
        .doesNotContain("Scheduled");

    assertThat(json(bed.invokeAt(at, get("GET /news", "/news", "city", "lyon"))).get("items"))
        .singleElement().satisfies(item -> assertThat(item.get("slug").asText()).isEqualTo("scheduled"));
    assertThat(bed.invokeAt(at, detail(Kind.NEWS, "scheduled")).getStatusCode()).isEqualTo(200);
    assertThat(bed.invokeAt(at, get("GET /news/feed.rss", "/news/feed.rss")).getBody()).contains("Scheduled");
  }
}
