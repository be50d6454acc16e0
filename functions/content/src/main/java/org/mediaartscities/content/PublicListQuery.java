package org.mediaartscities.content;

import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.ItemQuery;
import org.mediaartscities.shared.content.Kind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The public list query: what the public sees of each kind, as the query the store runs (which range of the
 * index, in which order, and what else an item must satisfy). Lists, the RSS feed and the calendar all ask here.
 *
 * <ul>
 *   <li>news, projects, City to City: newest first, published up to now;</li>
 *   <li>events: soonest first; by default those not yet over; {@code from}/{@code to} are days in each event's
 *       own time zone;</li>
 *   <li>calls: closing soonest first; by default open and upcoming; {@code status=closed}: latest closed first.</li>
 *   <li>the news feed: the latest published news;</li>
 *   <li>the calendar: events not over since a day, soonest first.</li>
 * </ul>
 *
 * <p>Visibility (published, not scheduled later) is not repeated here: the store checks it on every item.
 */
final class PublicListQuery {

  /**
   * Events are indexed by start; an event that began this long ago and still runs drops out of the default list.
   * Bounding the look-back keeps the query's cost independent of the archive's size.
   */
  static final Duration EVENT_LOOK_BACK = Duration.ofDays(92);

  // Every zone's offset lies within UTC-12 to UTC+14: widening a UTC range by this covers any local day.
  private static final Duration ZONE_SLACK = Duration.ofHours(14);

  static final int FEED_SIZE = 50;

  private PublicListQuery() {}

  /** One page of the list of {@code kind}, filtered by the request's parameters. */
  static ItemQuery of(Kind kind, ListParameters p, Map<String, String> after, Instant now) {
    return switch (kind) {
      case NEWS, PROJECT, CITY_TO_CITY ->
          new ItemQuery(kind, p.city(), p.tag(), null, ContentKeys.skAtOrBefore(now), false, null, p.limit(), after);
      case EVENT -> events(p, after, now);
      case CALL -> calls(p, after, now);
    };
  }

  /** The news feed: the latest {@link #FEED_SIZE} news published by now. */
  static ItemQuery newsFeed(String city, Instant now) {
    return new ItemQuery(Kind.NEWS, city, null, null, ContentKeys.skAtOrBefore(now), false, null, FEED_SIZE, null);
  }

  /** One page of the calendar: events not over at {@code since}, soonest first. */
  static ItemQuery calendar(String city, Instant since, Map<String, String> after) {
    return new ItemQuery(Kind.EVENT, city, null, ContentKeys.skAtOrAfter(since.minus(EVENT_LOOK_BACK)), null, true,
        item -> item.event().endsAt().isAfter(since), ListParameters.MAX_LIMIT, after);
  }

  private static ItemQuery events(ListParameters p, Map<String, String> after, Instant now) {
    Instant earliest = p.from() == null ? now : p.from().atStartOfDay(ZoneOffset.UTC).toInstant().minus(ZONE_SLACK);
    String fromSk = ContentKeys.skAtOrAfter(earliest.minus(EVENT_LOOK_BACK));
    String toSk = p.to() == null ? null
        : ContentKeys.skBefore(p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(ZONE_SLACK));
    Predicate<ContentItem> notOverYet = p.from() == null
        ? item -> item.event().endsAt().isAfter(now)
        : item -> item.event().endsAt().isAfter(startOfDay(p.from(), item));
    Predicate<ContentItem> startsInRange = p.to() == null
        ? item -> true
        : item -> item.event().startsAt().isBefore(startOfDay(p.to().plusDays(1), item));
    return new ItemQuery(Kind.EVENT, p.city(), p.tag(), fromSk, toSk, true, notOverYet.and(startsInRange),
        p.limit(), after);
  }

  private static ItemQuery calls(ListParameters p, Map<String, String> after, Instant now) {
    if (p.status() == CallStatus.CLOSED) {
      return new ItemQuery(Kind.CALL, p.city(), p.tag(), null, ContentKeys.skAtOrBefore(now), false, null,
          p.limit(), after);
    }
    Predicate<ContentItem> filter = p.status() == null ? null : item -> item.call().statusAt(now) == p.status();
    return new ItemQuery(Kind.CALL, p.city(), p.tag(), ContentKeys.skAfter(now), null, true, filter, p.limit(),
        after);
  }

  private static Instant startOfDay(LocalDate day, ContentItem event) {
    return day.atStartOfDay(ZoneId.of(event.event().timeZone())).toInstant();
  }
}
