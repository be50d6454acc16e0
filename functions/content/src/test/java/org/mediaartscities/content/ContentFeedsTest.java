package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.fixture;
import static org.mediaartscities.content.ContentTestBed.get;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The RSS feed and the iCalendar stream, parsed back by a real XML parser and by ical4j. */
class ContentFeedsTest {

  private static ContentTestBed bed;
  /** The city of every seeded item, by id (the calendar's UIDs) and by news slug (the feed's links). */
  private static final Map<String, String> CITY_BY_ID = new HashMap<>();
  private static final Map<String, String> NEWS_CITY_BY_SLUG = new HashMap<>();
  private static final String TRICKY_TITLE = "Rencontre, atelier; et \\ « nuit » </script><img src=x onerror=alert(1)> & — "
      + "très longue ".repeat(12) + "fin";

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentFeedsTest.class);
    Instant now = Instant.now();
    SampleData.seed(bed.store, now);
    for (ContentItem item : SampleData.items(now)) {
      CITY_BY_ID.put(item.id(), String.valueOf(item.city()));
      if (item.kind() == Kind.NEWS) {
        NEWS_CITY_BY_SLUG.put(item.slug(), String.valueOf(item.city()));
      }
    }
    CITY_BY_ID.put("tricky-event", "lyon");
    Instant starts = now.plus(Duration.ofDays(3));
    bed.store.putItem(new ContentItem("tricky-event", Kind.EVENT, "tricky-event", "lyon", "fr",
        Map.of("fr", Translation.of(TRICKY_TITLE, "Ligne 1\nLigne 2 <b>&</b>", "…")), List.of("workshop"),
        List.of(), PublicationStatus.PUBLISHED, now.minus(Duration.ofHours(1)),
        new EventDetails(starts, starts.plus(Duration.ofHours(2)), "Europe/Paris",
            new EventDetails.Venue("Salle « A »", "1, place des Terreaux, Lyon"), null, "offline"), null, null));
  }

  @Test
  void anEventsJsonLdCanSitInAScriptTagWhateverItsTitle() throws Exception {
    String page = "<script type=\"application/ld+json\">" + "%s" + "</script>";
    APIGatewayV2HTTPResponse response = bed.invoke(ContentTestBed.detail(Kind.EVENT, "tricky-event"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    // The raw answer holds no <, > or &: its JSON-LD placed in a page cannot close the script tag.
    assertThat(response.getBody()).doesNotContain("<").doesNotContain(">").doesNotContain("&");
    var jsonLd = ContentTestBed.json(response).get("jsonLd");
    assertThat(jsonLd.get("name").asText()).isEqualTo(TRICKY_TITLE);
    String embedded = page.formatted(org.mediaartscities.shared.json.Json.writeForPages(jsonLd));
    assertThat(embedded.indexOf("</script>")).isEqualTo(embedded.length() - "</script>".length());
  }

  @Test
  void rssFeedIsWellFormedRss2InTheAskedLanguage() throws Exception {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("news-feed"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders().get("content-type")).isEqualTo("application/rss+xml; charset=utf-8");
    Document rss = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
    Element root = rss.getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("rss");
    assertThat(root.getAttribute("version")).isEqualTo("2.0");
    Element channel = (Element) root.getElementsByTagName("channel").item(0);
    assertThat(text(channel, "language")).isEqualTo("fr");
    NodeList items = channel.getElementsByTagName("item");
    assertThat(items.getLength()).isGreaterThan(5);
    ZonedDateTime previous = null;
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      assertThat(text(item, "title")).isNotBlank();
      assertThat(text(item, "link")).startsWith("https://");
      assertThat(text(item, "guid")).isNotBlank();
      ZonedDateTime published = ZonedDateTime.parse(text(item, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME);
      assertThat(published.toInstant()).isBeforeOrEqualTo(Instant.now());
      if (previous != null) {
        assertThat(published).isBeforeOrEqualTo(previous);
      }
      previous = published;
    }
  }

  @Test
  void rssFeedFiltersByCity() throws Exception {
    APIGatewayV2HTTPResponse response = bed.invoke(get("GET /news/feed.rss", "/news/feed.rss", "city", "lyon"));

    Document rss = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(response.getBody().getBytes(StandardCharsets.UTF_8)));
    NodeList items = rss.getElementsByTagName("item");
    var cities = new ArrayList<String>();
    for (int i = 0; i < items.getLength(); i++) {
      String link = text((Element) items.item(i), "link");
      cities.add(NEWS_CITY_BY_SLUG.get(link.substring(link.lastIndexOf('/') + 1)));
    }
    assertThat(cities).isNotEmpty().allMatch("lyon"::equals);
  }

  @Test
  void aCitysFeedsAreTitledWithItsNameInTheFeedsLanguage() throws Exception {
    // Košice, not its slug "kosice"; and in Slovak when the feed is asked for in Slovak.
    String rss = bed.invoke(get("GET /news/feed.rss", "/news/feed.rss", "city", "kosice", "lang", "sk")).getBody();
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(rss.getBytes(StandardCharsets.UTF_8)));
    assertThat(document.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("UNESCO Creative Cities of Media Arts — Košice").doesNotContain("kosice");

    String ics = bed.invoke(get("GET /events/calendar.ics", "/events/calendar.ics", "city", "tel-aviv", "lang",
        "fr")).getBody();
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    String calendarName = calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue();
    assertThat(calendarName).isEqualTo("UNESCO Creative Cities of Media Arts — Tel-Aviv");
  }

  @Test
  void aVenueIsNamedOnceInTheCalendarsLocation() throws Exception {
    String ics = bed.invoke(get("GET /events/calendar.ics", "/events/calendar.ics", "city", "lyon")).getBody();
    List<String> locations = new CalendarBuilder().build(new StringReader(ics)).<VEvent>getComponents("VEVENT")
        .stream().flatMap(e -> e.getProperty(Property.LOCATION).stream()).map(p -> p.getValue()).toList();

    assertThat(locations).contains("Place des Terreaux, 69001 Lyon, France")
        .noneMatch(l -> l.startsWith("Place des Terreaux, Place des Terreaux"));
    assertThat(IcsCalendar.location("Altes Rathaus", "Hauptplatz 1, 4020 Linz, Austria"))
        .isEqualTo("Altes Rathaus, Hauptplatz 1, 4020 Linz, Austria");
    assertThat(IcsCalendar.location("Online studio", null)).isEqualTo("Online studio");
  }

  @Test
  void calendarIsValidICalendarThatIcal4jReadsBack() throws Exception {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("events-calendar"));

    assertThat(response.getHeaders().get("content-type")).isEqualTo("text/calendar; charset=utf-8");
    String ics = response.getBody();
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    for (String line : ics.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
      assertThat(line).doesNotContain("\n");
    }

    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = calendar.getComponents("VEVENT");
    assertThat(events).hasSizeGreaterThanOrEqualTo(2);
    for (VEvent event : events) {
      assertThat(event.getProperty(Property.UID)).isPresent();
      assertThat(event.getProperty(Property.DTSTAMP)).isPresent();
      assertThat(event.getProperty(Property.DTSTART).orElseThrow().getValue()).endsWith("Z");
      assertThat(event.getProperty(Property.DTEND)).isPresent();
    }
    VEvent tricky = events.stream()
        .filter(e -> e.getProperty(Property.UID).orElseThrow().getValue().startsWith("tricky-event@"))
        .findFirst().orElseThrow();
    assertThat(tricky.getProperty(Property.SUMMARY).orElseThrow().getValue()).isEqualTo(TRICKY_TITLE);
    assertThat(tricky.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
        .isEqualTo("Ligne 1\nLigne 2 <b>&</b>");
    assertThat(tricky.getProperty(Property.LOCATION).orElseThrow().getValue())
        .isEqualTo("Salle « A », 1, place des Terreaux, Lyon");
  }

  @Test
  void calendarOnlyHoldsTheCitysEvents() throws Exception {
    String ics = bed.invoke(get("GET /events/calendar.ics", "/events/calendar.ics", "city", "lyon")).getBody();
    Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
    List<VEvent> events = calendar.getComponents("VEVENT");
    List<String> cities = events.stream().map(e -> e.getProperty(Property.UID).orElseThrow().getValue())
        .map(uid -> CITY_BY_ID.get(uid.substring(0, uid.indexOf('@')))).toList();
    assertThat(cities).isNotEmpty().allMatch("lyon"::equals);
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent();
  }
}
