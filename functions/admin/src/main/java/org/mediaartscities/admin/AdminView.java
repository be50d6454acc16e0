package org.mediaartscities.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.HistoryEntry;
import org.mediaartscities.shared.content.PublicationStatus;

/**
 * An item as the admin API shows it: the same fields the input takes (so a client can edit and send it back),
 * plus the read-only ones: id, status, version, publication and change times, former slugs.
 */
final class AdminView {

  private AdminView() {}

  /** {@code draft}, {@code scheduled}, {@code published} or {@code unpublished}. */
  static String status(ContentItem item, Instant now) {
    if (item.status() == PublicationStatus.PUBLISHED && item.publishedAt() != null && item.publishedAt().isAfter(now)) {
      return "scheduled";
    }
    return item.status().id();
  }

  static Map<String, Object> of(EditorialItem editorial, Instant now) {
    ContentItem item = editorial.item();
    var view = new LinkedHashMap<String, Object>();
    view.put("id", item.id());
    view.put("kind", item.kind());
    view.put("slug", item.slug());
    view.put("city", item.city());
    view.put("status", status(item, now));
    view.put("version", editorial.version());
    view.put("publishedAt", item.publishedAt());
    view.put("publicPath", "/" + item.kind().path() + "/" + item.slug());
    view.put("originalLanguage", item.originalLanguage());
    view.put("translations", item.translations());
    view.put("tags", item.tags());
    view.put("images", item.images().stream().map(image -> {
      var i = new LinkedHashMap<String, Object>();
      i.put("mediaId", image.key().startsWith("renditions/") ? image.key().substring("renditions/".length()) : null);
      i.put("key", image.key());
      i.put("alt", image.alt());
      i.put("renditions", image.renditions());
      return i;
    }).toList());
    switch (item.kind()) {
      case EVENT -> {
        var event = item.event();
        view.put("startsAt", local(event.startsAt(), event.timeZone()));
        view.put("endsAt", local(event.endsAt(), event.timeZone()));
        view.put("timeZone", event.timeZone());
        view.put("attendanceMode", event.attendanceMode());
        view.put("venue", event.venue());
        view.put("onlineUrl", event.onlineUrl());
      }
      case CALL -> {
        var call = item.call();
        view.put("opensAt", local(call.opensAt(), call.timeZone()));
        view.put("closesAt", local(call.closesAt(), call.timeZone()));
        view.put("timeZone", call.timeZone());
        view.put("contact", call.contact());
        // Read-only here: the form is read and written at /admin/calls/{id}/form.
        view.put("formVersion", call.form() == null ? null : call.form().version());
      }
      case PROJECT, CITY_TO_CITY -> {
        var project = item.project();
        view.put("year", project.year());
        view.put("edition", project.edition());
        view.put("participatingCities", project.participatingCities());
        view.put("artists", project.artists());
        view.put("links", project.links());
      }
      case NEWS -> { }
    }
    view.put("createdAt", editorial.editorial().createdAt());
    view.put("createdBy", editorial.editorial().createdBy());
    view.put("updatedAt", editorial.editorial().updatedAt());
    view.put("updatedBy", editorial.editorial().updatedBy());
    view.put("formerSlugs", editorial.editorial().formerSlugs());
    return view;
  }

  static Map<String, Object> of(HistoryEntry entry) {
    var view = new LinkedHashMap<String, Object>();
    view.put("at", entry.at());
    view.put("by", entry.by());
    view.put("action", entry.action());
    view.put("version", entry.version());
    view.put("changed", entry.changed());
    return view;
  }

  private static String local(Instant instant, String zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(ZoneId.of(zone)).toOffsetDateTime());
  }
}
