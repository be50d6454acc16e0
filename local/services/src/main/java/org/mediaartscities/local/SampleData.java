package org.mediaartscities.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.json.Json;

/**
 * The sample data {@code ./dev run} starts with: the 22 member cities, and items whose dates are relative to the
 * moment of seeding (so there are always open, upcoming and closed calls, past and coming events).
 */
public final class SampleData {

  private static final ObjectReader READER =
      Json.MAPPER.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** An item of items.json: the item's fields, with times given relative to the seeding day. */
  record SeedItem(String kind, String slug, String city, String originalLanguage,
      Map<String, Translation> translations, List<String> tags, List<Image> images, Integer publishedDaysAgo,
      Integer startsInDays, String startTime, Integer durationHours, String timeZone, EventDetails.Venue venue,
      String onlineUrl, String attendanceMode, Integer opensInDays, Integer closesInDays, String closeTime,
      CallDetails.Contact contact, org.mediaartscities.shared.content.ApplicationForm form, Integer year, String edition, List<String> participatingCities,
      List<ProjectDetails.Artist> artists, List<ProjectDetails.Link> links) {}

  private SampleData() {}

  public static List<City> cities() {
    return read("/seed/cities.json", City[].class);
  }

  public static List<ContentItem> items(Instant now) {
    return read("/seed/items.json", SeedItem[].class).stream().map(seed -> toItem(seed, now)).toList();
  }

  /** Writes the cities and items; returns how many items. */
  public static int seed(ContentStore store, Instant now) {
    cities().forEach(store::putCity);
    List<ContentItem> items = items(now);
    items.forEach(store::putItem);
    return items.size();
  }

  static ContentItem toItem(SeedItem seed, Instant now) {
    Kind kind = Kind.fromId(seed.kind());
    String id = UUID.nameUUIDFromBytes((kind.id() + "/" + seed.slug()).getBytes(StandardCharsets.UTF_8)).toString();
    Instant publishedAt = now.minus(Duration.ofDays(seed.publishedDaysAgo() == null ? 0 : seed.publishedDaysAgo()))
        .truncatedTo(ChronoUnit.MINUTES);
    EventDetails event = null;
    CallDetails call = null;
    ProjectDetails project = null;
    switch (kind) {
      case EVENT -> {
        Instant starts = at(now, seed.startsInDays(), seed.startTime(), seed.timeZone());
        event = new EventDetails(starts, starts.plus(Duration.ofHours(seed.durationHours())), seed.timeZone(),
            seed.venue(), seed.onlineUrl(), seed.attendanceMode());
      }
      case CALL -> call = new CallDetails(at(now, seed.opensInDays(), "09:00", seed.timeZone()),
          at(now, seed.closesInDays(), seed.closeTime(), seed.timeZone()), seed.timeZone(), seed.contact(),
          seed.form());
      case PROJECT, CITY_TO_CITY -> project = new ProjectDetails(seed.year(), seed.edition(),
          seed.participatingCities(), seed.artists(), seed.links());
      case NEWS -> { }
    }
    return new ContentItem(id, kind, seed.slug(), seed.city(), seed.originalLanguage(), seed.translations(),
        seed.tags(), seed.images(), PublicationStatus.PUBLISHED, publishedAt, event, call, project);
  }

  private static Instant at(Instant now, int daysFromToday, String localTime, String zone) {
    ZoneId zoneId = ZoneId.of(zone);
    LocalDate day = LocalDate.ofInstant(now, zoneId).plusDays(daysFromToday);
    return day.atTime(LocalTime.parse(localTime == null ? "09:00" : localTime)).atZone(zoneId).toInstant();
  }

  private static <T> List<T> read(String resource, Class<T[]> type) {
    try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return List.of(READER.readValue(in, type));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
