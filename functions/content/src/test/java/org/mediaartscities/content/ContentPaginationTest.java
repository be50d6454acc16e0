package org.mediaartscities.content;

import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.get;
import static org.mediaartscities.content.ContentTestBed.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Following nextCursor to the end yields every matching item exactly once, in order, whatever the filters and
 * page size: 250 news, 250 events and 250 calls over three cities and three tags, some items sharing a second.
 */
class ContentPaginationTest {

  private static final List<String> CITIES = List.of("lyon", "linz", "dakar");
  private static final List<String> TAGS = List.of("festival", "residency", "workshop");
  private static final int COUNT = 250;

  private static ContentTestBed bed;
  private static final List<ContentItem> ITEMS = new ArrayList<>();
  private static Instant now;

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentPaginationTest.class);
    now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    for (int i = 0; i < COUNT; i++) {
      // Pairs of items share a second, so that order within a second (by id) is exercised too.
      Instant published = now.minus(Duration.ofMinutes(10L * (i / 2) + 1));
      ITEMS.add(item(Kind.NEWS, i, published, null, null));
      Instant starts = now.plus(Duration.ofHours(3L * (i / 2) + 1));
      ITEMS.add(item(Kind.EVENT, i, published,
          new EventDetails(starts, starts.plus(Duration.ofHours(2)), "Europe/Paris", null, "https://example.org",
              "online"), null));
      Instant closes = i % 5 == 0 ? now.minus(Duration.ofHours(i + 1)) : now.plus(Duration.ofHours(i / 2 + 1));
      Instant opens = i % 3 == 0 ? now.plus(Duration.ofMinutes(30)) : now.minus(Duration.ofDays(30));
      ITEMS.add(item(Kind.CALL, i, published, null,
          new CallDetails(opens.isBefore(closes) ? opens : closes.minus(Duration.ofDays(1)), closes, "UTC", null)));
    }
    ITEMS.parallelStream().forEach(bed.store::putItem);
  }

  @ParameterizedTest(name = "{0} {1} limit={2}")
  @CsvSource({
      "news, '', 7",
      "news, '', 100",
      "news, city=lyon, 20",
      "news, tag=festival, 9",
      "news, city=dakar&tag=workshop, 4",
      "events, '', 13",
      "events, city=linz, 50",
      "events, tag=residency&city=lyon, 3",
      "calls, '', 11",
      "calls, status=open, 8",
      "calls, status=upcoming&city=lyon, 5",
      "calls, status=closed, 6",
      "calls, status=closed&tag=festival, 2",
  })
  void followingCursorsYieldsEveryMatchingItemOnceInOrder(String path, String filters, int limit) {
    Kind kind = Kind.fromPath(path).orElseThrow();
    String[] query = query(filters, limit);
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String[] pageQuery = cursor == null ? query : append(query, "cursor", cursor);
      JsonNode body = json(bed.invoke(get("GET /" + path, "/" + path, pageQuery)));
      assertThat(body.get("items").size()).isLessThanOrEqualTo(limit);
      body.get("items").forEach(item -> seen.add(item.get("id").asText()));
      cursor = body.get("nextCursor").isNull() ? null : body.get("nextCursor").asText();
      assertThat(++pages).as("pages").isLessThan(COUNT + 2);
    } while (cursor != null);

    List<String> expected = ITEMS.stream().filter(i -> i.kind() == kind).filter(matcher(kind, filters))
        .sorted(order(kind, filters)).map(ContentItem::id).toList();
    assertThat(expected).as("the fixture exercises this filter").hasSizeGreaterThan(limit);
    assertThat(seen).containsExactlyElementsOf(expected);
  }

  @ParameterizedTest
  @CsvSource({"tag=festival, tag=residency", "city=lyon, city=linz", "'', status=open"})
  void aCursorIsRefusedOnAnotherQuery(String first, String second) {
    String path = second.startsWith("status") ? "calls" : "news";
    String cursor = json(bed.invoke(get("GET /" + path, "/" + path, query(first, 2)))).get("nextCursor").asText();

    var response = bed.invoke(get("GET /" + path, "/" + path, append(query(second, 2), "cursor", cursor)));
    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("cursor");
  }

  private static Predicate<ContentItem> matcher(Kind kind, String filters) {
    Map<String, String> f = parse(filters);
    Predicate<ContentItem> matches = item -> (!f.containsKey("city") || f.get("city").equals(item.city()))
        && (!f.containsKey("tag") || item.tags().contains(f.get("tag")));
    if (kind == Kind.CALL) {
      String status = f.get("status");
      return matches.and(item -> {
        CallStatus actual = item.call().statusAt(now);
        return status == null ? actual != CallStatus.CLOSED : actual.id().equals(status);
      });
    }
    return matches;
  }

  private static java.util.Comparator<ContentItem> order(Kind kind, String filters) {
    var ascending = java.util.Comparator.comparing((ContentItem i) -> ContentKeys.listSk(i));
    boolean newestFirst = kind == Kind.NEWS || "closed".equals(parse(filters).get("status"));
    return newestFirst ? ascending.reversed() : ascending;
  }

  private static ContentItem item(Kind kind, int i, Instant published, EventDetails event, CallDetails call) {
    String id = String.format("%s-%04d", kind.id(), i);
    return new ContentItem(id, kind, "item-" + i, CITIES.get(i % 3), "en",
        Map.of("en", Translation.of("Item " + i, "Summary " + i, "Body")), List.of(TAGS.get((i / 3) % 3)),
        List.of(), PublicationStatus.PUBLISHED, published, event, call, null);
  }

  private static Map<String, String> parse(String filters) {
    var map = new java.util.HashMap<String, String>();
    if (!filters.isEmpty()) {
      for (String pair : filters.split("&")) {
        String[] kv = pair.split("=");
        map.put(kv[0], kv[1]);
      }
    }
    return map;
  }

  private static String[] query(String filters, int limit) {
    var query = new ArrayList<String>(List.of("limit", Integer.toString(limit)));
    parse(filters).forEach((k, v) -> {
      query.add(k);
      query.add(v);
    });
    return query.toArray(String[]::new);
  }

  private static String[] append(String[] query, String name, String value) {
    String[] longer = Arrays.copyOf(query, query.length + 2);
    longer[query.length] = name;
    longer[query.length + 1] = value;
    return longer;
  }

}
