package org.mediaartscities.admin;

import static org.mediaartscities.admin.InputFields.instant;
import static org.mediaartscities.admin.InputFields.list;
import static org.mediaartscities.admin.InputFields.oneLine;
import static org.mediaartscities.admin.InputFields.required;
import static org.mediaartscities.admin.InputFields.url;
import static org.mediaartscities.admin.InputFields.zone;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.text.FieldRules;

/** The rules for the details of each kind: an event's times and place, a call's window, a project's people. */
final class KindDetails {

  /** Matches the public event list's look-back (PublicListQuery.EVENT_LOOK_BACK). */
  static final Duration MAX_EVENT_DURATION = Duration.ofDays(92);
  private static final Set<String> ATTENDANCE = Set.of("offline", "online", "mixed");

  private KindDetails() {}

  /** Refuses the fields of other kinds than {@code kind}. */
  static void onlyItsOwnFields(Kind kind, ItemInput in) {
    onlyFor(kind, Kind.EVENT, "startsAt", in.startsAt(), "endsAt", in.endsAt(), "venue", in.venue(), "onlineUrl",
        in.onlineUrl(), "attendanceMode", in.attendanceMode());
    onlyFor(kind, Kind.CALL, "opensAt", in.opensAt(), "closesAt", in.closesAt(), "contact", in.contact());
    if (kind != Kind.EVENT && kind != Kind.CALL && in.timeZone() != null) {
      throw ApiException.invalid("timeZone", "'timeZone' is only for events and calls.");
    }
    if (!isProjectLike(kind)) {
      onlyFor(kind, Kind.PROJECT, "year", in.year(), "edition", in.edition(), "participatingCities",
          in.participatingCities(), "artists", in.artists(), "links", in.links());
    }
  }

  static boolean isProjectLike(Kind kind) {
    return kind == Kind.PROJECT || kind == Kind.CITY_TO_CITY;
  }

  static EventDetails event(ItemInput in) {
    Instant starts = instant("startsAt", required("startsAt", in.startsAt()));
    Instant ends = instant("endsAt", required("endsAt", in.endsAt()));
    if (!ends.isAfter(starts)) {
      throw ApiException.invalid("endsAt", "'endsAt' must be after 'startsAt'.");
    }
    if (Duration.between(starts, ends).compareTo(MAX_EVENT_DURATION) > 0) {
      throw ApiException.invalid("endsAt", "An event lasts at most 92 days; split a longer season into events.");
    }
    String zone = zone(in.timeZone());
    String mode = required("attendanceMode", in.attendanceMode());
    if (!ATTENDANCE.contains(mode)) {
      throw ApiException.invalid("attendanceMode", "'attendanceMode' is offline, online or mixed.");
    }
    EventDetails.Venue venue = null;
    if (in.venue() != null) {
      // An address may be typed over several lines; a venue's name is one line.
      venue = new EventDetails.Venue(required("venue.name", oneLine("venue.name", in.venue().name(),
          ItemValidator.MAX_TITLE)), InputFields.multiLine("venue.address", in.venue().address(),
          ItemValidator.MAX_TITLE * 2));
    }
    if (!mode.equals("online") && venue == null) {
      throw ApiException.invalid("venue", "An " + mode + " event needs a venue with a name.");
    }
    String onlineUrl = url("onlineUrl", in.onlineUrl());
    if (!mode.equals("offline") && onlineUrl == null) {
      throw ApiException.invalid("onlineUrl", "An " + mode + " event needs an onlineUrl.");
    }
    return new EventDetails(starts, ends, zone, venue, onlineUrl, mode);
  }

  static CallDetails call(ItemInput in) {
    Instant opens = instant("opensAt", required("opensAt", in.opensAt()));
    Instant closes = instant("closesAt", required("closesAt", in.closesAt()));
    if (!closes.isAfter(opens)) {
      throw ApiException.invalid("closesAt", "'closesAt' must be after 'opensAt'.");
    }
    CallDetails.Contact contact = null;
    if (in.contact() != null) {
      String email = in.contact().email();
      if (email != null && !FieldRules.isEmailAddress(email)) {
        throw ApiException.invalid("contact.email", "'contact.email' is not an email address.");
      }
      contact = new CallDetails.Contact(email, url("contact.url", in.contact().url()));
    }
    return new CallDetails(opens, closes, zone(in.timeZone()), contact);
  }

  static ProjectDetails project(ItemInput in) {
    if (in.year() != null && (in.year() < 1990 || in.year() > 2100)) {
      throw ApiException.invalid("year", "'year' must be between 1990 and 2100.");
    }
    List<String> cities = list("participatingCities", in.participatingCities());
    for (int i = 0; i < cities.size(); i++) {
      String city = cities.get(i);
      if (city == null || !FieldRules.isSlug(city)) {
        throw ApiException.invalid("participatingCities[" + i + "]", "A city is given by its slug, e.g. lyon.");
      }
    }
    var artists = new ArrayList<ProjectDetails.Artist>();
    List<ProjectDetails.Artist> artistInput = list("artists", in.artists());
    for (int i = 0; i < artistInput.size(); i++) {
      ProjectDetails.Artist a = artistInput.get(i);
      String field = "artists[" + i + "]";
      artists.add(new ProjectDetails.Artist(required(field + ".name", oneLine(field + ".name",
          a == null ? null : a.name(), ItemValidator.MAX_TITLE)), url(field + ".url", a == null ? null : a.url())));
    }
    var links = new ArrayList<ProjectDetails.Link>();
    List<ProjectDetails.Link> linkInput = list("links", in.links());
    for (int i = 0; i < linkInput.size(); i++) {
      ProjectDetails.Link l = linkInput.get(i);
      String field = "links[" + i + "]";
      links.add(new ProjectDetails.Link(required(field + ".url", url(field + ".url", l == null ? null : l.url())),
          oneLine(field + ".title", l == null ? null : l.title(), ItemValidator.MAX_TITLE)));
    }
    return new ProjectDetails(in.year(), oneLine("edition", in.edition(), 100), cities, artists, links);
  }

  private static void onlyFor(Kind kind, Kind owner, Object... namesAndValues) {
    if (kind == owner) {
      return;
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        String name = (String) namesAndValues[i];
        throw ApiException.invalid(name, "'" + name + "' is only for " + owner.path() + ".");
      }
    }
  }
}
