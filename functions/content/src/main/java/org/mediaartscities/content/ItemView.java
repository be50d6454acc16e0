package org.mediaartscities.content;

import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.content.Translation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public JSON of an item, in one language. Lists carry the summary; the detail adds the body as safe HTML
 * and, for events, schema.org JSON-LD.
 */
final class ItemView {

  private final String mediaBaseUrl;
  private final RenderedBodies bodies = new RenderedBodies();

  /** @param mediaBaseUrl base of public image URLs, or null to leave URLs out */
  ItemView(String mediaBaseUrl) {
    this.mediaBaseUrl = mediaBaseUrl == null ? null : mediaBaseUrl.replaceAll("/+$", "");
  }

  Map<String, Object> summary(Localized text, Instant now) {
    ContentItem item = text.item();
    var view = new LinkedHashMap<String, Object>();
    view.put("id", item.id());
    view.put("kind", item.kind());
    view.put("slug", item.slug());
    view.put("city", item.city());
    view.put("lang", text.lang());
    view.put("availableLanguages", text.availableLanguages());
    view.put("title", text.field(Translation::title));
    view.put("summary", text.field(Translation::summary));
    view.put("tags", item.tags());
    view.put("images", images(text));
    view.put("publishedAt", item.publishedAt());
    switch (item.kind()) {
      case EVENT -> event(view, item.event());
      case CALL -> call(view, text, item.call(), now);
      case PROJECT, CITY_TO_CITY -> project(view, item.project());
      case NEWS -> { }
    }
    return view;
  }

  Map<String, Object> detail(Localized text, Instant now) {
    Map<String, Object> view = summary(text, now);
    view.put("bodyHtml", bodies.html(text.item().id(), text.lang(), text.field(Translation::body)));
    if (text.item().kind() == Kind.EVENT) {
      view.put("jsonLd", EventJsonLd.of(text, images(text)));
    }
    return view;
  }

  /** An instant as the local time of a zone, with its offset: what a reader of that city sees. */
  static String local(Instant instant, String zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone)).toOffsetDateTime());
  }

  /**
   * Images with their alt text in the served language; an uploaded image's {@code url} is its largest rendition and
   * {@code renditions} lists every width, for a {@code srcset}.
   */
  List<Map<String, Object>> images(Localized text) {
    return text.item().images().stream().map(image -> {
      var view = new LinkedHashMap<String, Object>();
      view.put("key", image.key());
      List<Image.Rendition> renditions = image.renditions();
      if (mediaBaseUrl != null) {
        view.put("url", mediaBaseUrl + "/" + (renditions.isEmpty() ? image.key() : renditions.getLast().key()));
      }
      view.put("alt", text.from(image.alt()));
      view.put("renditions", renditions.stream().map(r -> {
        var rendition = new LinkedHashMap<String, Object>();
        rendition.put("width", r.width());
        rendition.put("height", r.height());
        rendition.put("url", mediaBaseUrl == null ? null : mediaBaseUrl + "/" + r.key());
        return rendition;
      }).toList());
      return (Map<String, Object>) view;
    }).toList();
  }

  private static void event(Map<String, Object> view, EventDetails event) {
    view.put("startsAt", local(event.startsAt(), event.timeZone()));
    view.put("endsAt", local(event.endsAt(), event.timeZone()));
    view.put("timeZone", event.timeZone());
    view.put("attendanceMode", event.attendanceMode());
    view.put("venue", event.venue());
    view.put("onlineUrl", event.onlineUrl());
  }

  private static void call(Map<String, Object> view, Localized text, CallDetails call, Instant now) {
    view.put("status", call.statusAt(now));
    view.put("opensAt", local(call.opensAt(), call.timeZone()));
    view.put("closesAt", local(call.closesAt(), call.timeZone()));
    view.put("timeZone", call.timeZone());
    view.put("eligibility", text.field(Translation::eligibility));
    view.put("award", text.field(Translation::award));
    view.put("contact", call.contact());
  }

  private static void project(Map<String, Object> view, ProjectDetails project) {
    view.put("year", project.year());
    view.put("edition", project.edition());
    view.put("participatingCities", project.participatingCities());
    view.put("artists", project.artists());
    view.put("links", project.links());
  }
}
