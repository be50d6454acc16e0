package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.ItemQuery;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;

/** The public list query on its own: which index range, which order, and which items pass its filter at the edges. */
class PublicListQueryTest {

  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private static final Map<String, String> AFTER = Map.of("pk", "p", "sk", "s");
  private static final ListParameters NONE = new ListParameters("lyon", "festival", 7, null, null, null, null);

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"NEWS", "PROJECT", "CITY_TO_CITY"})
  void publishedKindsListNewestFirstUpToNow(Kind kind) {
    ItemQuery query = PublicListQuery.of(kind, NONE, AFTER, NOW);

    assertThat(query).isEqualTo(new ItemQuery(kind, "lyon", "festival", null, ContentKeys.skAtOrBefore(NOW), false,
        null, 7, AFTER));
  }

  @Test
  void eventsByDefaultAreThoseNotYetOverSoonestFirstLookingBackNinetyTwoDays() {
    ItemQuery query = PublicListQuery.of(Kind.EVENT, NONE, null, NOW);

    assertThat(query.ascending()).isTrue();
    assertThat(query.fromSk()).isEqualTo(ContentKeys.skAtOrAfter(NOW.minus(Duration.ofDays(92))));
    assertThat(query.toSk()).isNull();
    assertThat(query.filter().test(event(NOW.minus(Duration.ofDays(1)), NOW, "UTC"))).isFalse();
    assertThat(query.filter().test(event(NOW.minus(Duration.ofDays(1)), NOW.plusMillis(1), "UTC"))).isTrue();
  }

  @Test
  void anEventRangeIsOfDaysInEachEventsOwnTimeZone() {
    LocalDate from = LocalDate.parse("2026-12-10");
    LocalDate to = LocalDate.parse("2026-12-12");
    var p = new ListParameters(null, null, 20, null, from, to, null);
    ItemQuery query = PublicListQuery.of(Kind.EVENT, p, null, NOW);

    // The index range is widened by the farthest zones (UTC-12 to UTC+14) so that no local day is cut off.
    assertThat(query.fromSk()).isEqualTo(ContentKeys.skAtOrAfter(from.atStartOfDay(ZoneOffset.UTC).toInstant()
        .minus(Duration.ofHours(14)).minus(Duration.ofDays(92))));
    assertThat(query.toSk()).isEqualTo(ContentKeys.skBefore(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plus(Duration.ofHours(14))));
    String zone = "Asia/Seoul";
    Instant fromDay = from.atStartOfDay(ZoneId.of(zone)).toInstant();
    Instant afterToDay = to.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    assertThat(query.filter().test(event(fromDay.minusSeconds(3600), fromDay, zone))).as("over as from begins")
        .isFalse();
    assertThat(query.filter().test(event(fromDay.minusSeconds(3600), fromDay.plusMillis(1), zone))).isTrue();
    assertThat(query.filter().test(event(afterToDay.minusMillis(1), afterToDay.plusSeconds(3600), zone))).isTrue();
    assertThat(query.filter().test(event(afterToDay, afterToDay.plusSeconds(3600), zone))).as("starts after to")
        .isFalse();
  }

  @Test
  void callsByDefaultAreOpenAndUpcomingClosingSoonestFirst() {
    ItemQuery query = PublicListQuery.of(Kind.CALL, NONE, null, NOW);

    assertThat(query).isEqualTo(new ItemQuery(Kind.CALL, "lyon", "festival", ContentKeys.skAfter(NOW), null, true,
        null, 7, null));
  }

  @Test
  void closedCallsAreTheLatestClosedFirst() {
    var closed = new ListParameters(null, null, 20, null, null, null, CallStatus.CLOSED);

    assertThat(PublicListQuery.of(Kind.CALL, closed, null, NOW)).isEqualTo(new ItemQuery(Kind.CALL, null, null, null,
        ContentKeys.skAtOrBefore(NOW), false, null, 20, null));
  }

  @Test
  void openCallsAreThoseOpenAtNowToTheMillisecond() {
    var open = new ListParameters(null, null, 20, null, null, null, CallStatus.OPEN);
    ItemQuery query = PublicListQuery.of(Kind.CALL, open, null, NOW);

    assertThat(query.fromSk()).isEqualTo(ContentKeys.skAfter(NOW));
    assertThat(query.filter().test(call(NOW, NOW.plusSeconds(60)))).isTrue();
    assertThat(query.filter().test(call(NOW.plusMillis(1), NOW.plusSeconds(60)))).as("upcoming").isFalse();
    assertThat(query.filter().test(call(NOW.minusSeconds(60), NOW))).as("closed at now").isFalse();
  }

  @Test
  void theNewsFeedIsTheLatestFiftyPublishedNews() {
    assertThat(PublicListQuery.newsFeed("linz", NOW)).isEqualTo(new ItemQuery(Kind.NEWS, "linz", null, null,
        ContentKeys.skAtOrBefore(NOW), false, null, PublicListQuery.FEED_SIZE, null));
  }

  @Test
  void theCalendarHoldsEventsNotOverAtItsStartSoonestFirst() {
    Instant since = NOW.minus(Duration.ofDays(30));
    ItemQuery query = PublicListQuery.calendar(null, since, AFTER);

    assertThat(query.kind()).isEqualTo(Kind.EVENT);
    assertThat(query.ascending()).isTrue();
    assertThat(query.limit()).isEqualTo(ListParameters.MAX_LIMIT);
    assertThat(query.after()).isEqualTo(AFTER);
    assertThat(query.fromSk()).isEqualTo(ContentKeys.skAtOrAfter(since.minus(PublicListQuery.EVENT_LOOK_BACK)));
    assertThat(query.filter().test(event(since.minusSeconds(60), since, "UTC"))).isFalse();
    assertThat(query.filter().test(event(since.minusSeconds(60), since.plusMillis(1), "UTC"))).isTrue();
  }

  private static ContentItem event(Instant starts, Instant ends, String zone) {
    return new ContentItem("e", Kind.EVENT, "e", "lyon", "fr", Map.of("fr", Translation.of("t", null, null)), null,
        null, PublicationStatus.PUBLISHED, NOW.minus(Duration.ofDays(100)),
        new EventDetails(starts, ends, zone, new EventDetails.Venue("Salle", null), null, "offline"), null, null);
  }

  private static ContentItem call(Instant opens, Instant closes) {
    return new ContentItem("c", Kind.CALL, "c", "lyon", "fr", Map.of("fr", Translation.of("t", null, null)), null,
        null, PublicationStatus.PUBLISHED, NOW.minus(Duration.ofDays(100)), null,
        new CallDetails(opens, closes, "Europe/Paris", null), null);
  }
}
