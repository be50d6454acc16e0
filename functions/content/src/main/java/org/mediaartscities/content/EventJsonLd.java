package org.mediaartscities.content;

import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Translation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schema.org {@code Event} for the event page, so that search engines show its date and place. */
final class EventJsonLd {

  private EventJsonLd() {}

  static Map<String, Object> of(Localized text, List<Map<String, Object>> images) {
    EventDetails event = text.item().event();
    var ld = new LinkedHashMap<String, Object>();
    ld.put("@context", "https://schema.org");
    ld.put("@type", "Event");
    ld.put("name", text.field(Translation::title));
    ld.put("description", text.field(Translation::summary));
    ld.put("inLanguage", text.lang());
    ld.put("startDate", ItemView.local(event.startsAt(), event.timeZone()));
    ld.put("endDate", ItemView.local(event.endsAt(), event.timeZone()));
    ld.put("eventStatus", "https://schema.org/EventScheduled");
    ld.put("eventAttendanceMode", switch (event.attendanceMode()) {
      case "online" -> "https://schema.org/OnlineEventAttendanceMode";
      case "mixed" -> "https://schema.org/MixedEventAttendanceMode";
      default -> "https://schema.org/OfflineEventAttendanceMode";
    });
    var locations = new ArrayList<Map<String, Object>>();
    if (event.venue() != null) {
      var place = new LinkedHashMap<String, Object>();
      place.put("@type", "Place");
      place.put("name", event.venue().name());
      if (event.venue().address() != null) {
        place.put("address", event.venue().address());
      }
      locations.add(place);
    }
    if (event.onlineUrl() != null) {
      locations.add(Map.of("@type", "VirtualLocation", "url", event.onlineUrl()));
    }
    ld.put("location", locations.size() == 1 ? locations.getFirst() : locations);
    List<Object> urls = images.stream().map(i -> i.get("url")).filter(u -> u != null).toList();
    if (!urls.isEmpty()) {
      ld.put("image", urls);
    }
    return ld;
  }
}
