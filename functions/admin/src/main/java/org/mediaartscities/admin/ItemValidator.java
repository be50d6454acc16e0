package org.mediaartscities.admin;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.ProjectDetails;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;

/**
 * Every rule an item's input must meet, in one place; each failure is a 400 naming the field (as a path:
 * {@code translations.fr.title}, {@code venue.name}, {@code images[0].mediaId}).
 */
final class ItemValidator {

  static final int MAX_TITLE = 200;
  static final int MAX_SUMMARY = 600;
  static final int MAX_BODY = 50_000;
  static final int MAX_SHORT_TEXT = 2_000;
  static final int MAX_TAGS = 20;
  static final int MAX_IMAGES = 20;
  static final int MAX_LIST = 100;
  /** Matches the public event list's look-back (Listings.EVENT_LOOK_BACK). */
  static final Duration MAX_EVENT_DURATION = Duration.ofDays(92);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final Set<String> ATTENDANCE = Set.of("offline", "online", "mixed");
  private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f-]{36}");

  private final Function<String, Optional<Media>> media;
  private final Function<String, Boolean> cityExists;

  /**
   * @param media looks an uploaded image up by id
   * @param cityExists whether a city slug names a member city
   */
  ItemValidator(Function<String, Optional<Media>> media, Function<String, Boolean> cityExists) {
    this.media = media;
    this.cityExists = cityExists;
  }

  /**
   * The item the input describes.
   *
   * @param status and {@code publishedAt}: kept from the stored item (an edit does not publish)
   */
  ContentItem item(Kind kind, String id, String slug, String city, ItemInput in, PublicationStatus status,
      Instant publishedAt) {
    Map<String, Translation> translations = translations(kind, in.translations());
    String original = in.originalLanguage() == null ? translations.keySet().iterator().next()
        : LanguageTags.canonical(in.originalLanguage()).filter(translations::containsKey).orElseThrow(() ->
            ApiException.invalid("originalLanguage", "'originalLanguage' must be one of the translations' languages."));
    // Checked before any lookup: real DynamoDB refuses oversized keys with an error, not an empty answer.
    if (city != null && (city.length() > 100 || !Slugs.VALID.matcher(city).matches() || !cityExists.apply(city))) {
      throw ApiException.invalid("city", "There is no city '" + city + "'.");
    }
    onlyFor(kind, Kind.EVENT, "startsAt", in.startsAt(), "endsAt", in.endsAt(), "venue", in.venue(), "onlineUrl",
        in.onlineUrl(), "attendanceMode", in.attendanceMode());
    onlyFor(kind, Kind.CALL, "opensAt", in.opensAt(), "closesAt", in.closesAt(), "contact", in.contact());
    if (kind != Kind.EVENT && kind != Kind.CALL && in.timeZone() != null) {
      throw ApiException.invalid("timeZone", "'timeZone' is only for events and calls.");
    }
    boolean projectLike = kind == Kind.PROJECT || kind == Kind.CITY_TO_CITY;
    if (!projectLike) {
      onlyFor(kind, Kind.PROJECT, "year", in.year(), "edition", in.edition(), "participatingCities",
          in.participatingCities(), "artists", in.artists(), "links", in.links());
    }
    return new ContentItem(id, kind, slug, city, original, translations, tags(in.tags()), images(in.images()),
        status, publishedAt,
        kind == Kind.EVENT ? event(in) : null,
        kind == Kind.CALL ? call(in) : null,
        projectLike ? project(in) : null);
  }

  /** A slug the editor chose, checked; null when none was given. */
  static String slug(String slug) {
    if (slug == null) {
      return null;
    }
    if (slug.length() > Slugs.MAX_LENGTH || !Slugs.VALID.matcher(slug).matches()) {
      throw ApiException.invalid("slug", "'slug' must be lower-case letters, digits and single hyphens, at most "
          + Slugs.MAX_LENGTH + " characters.");
    }
    return slug;
  }

  /** A publication time: ISO-8601 with an offset. */
  static Instant instant(String field, String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(field, "'" + field + "' must be a date and time with its offset, such as "
          + "2026-12-01T18:30:00+01:00.");
    }
  }

  private Map<String, Translation> translations(Kind kind, Map<String, Translation> input) {
    if (input == null || input.isEmpty()) {
      throw ApiException.invalid("translations", "At least one translation is needed, e.g. {\"fr\": {\"title\": …}}.");
    }
    if (input.size() > 30) {
      throw ApiException.invalid("translations", "At most 30 translations.");
    }
    var translations = new LinkedHashMap<String, Translation>();
    boolean titled = false;
    for (var entry : input.entrySet()) {
      String field = "translations." + entry.getKey();
      String lang = LanguageTags.canonical(entry.getKey()).orElseThrow(() -> ApiException.invalid(field,
          "'" + entry.getKey() + "' is not a language tag such as fr, en or pt-BR."));
      Translation t = entry.getValue();
      if (t == null) {
        throw ApiException.invalid(field, "A translation must be an object with a title.");
      }
      if (kind != Kind.CALL && (t.eligibility() != null || t.award() != null)) {
        throw ApiException.invalid(field + (t.eligibility() != null ? ".eligibility" : ".award"),
            "Eligibility and award are only for calls.");
      }
      var clean = new Translation(text(field + ".title", t.title(), MAX_TITLE),
          text(field + ".summary", t.summary(), MAX_SUMMARY), text(field + ".body", t.body(), MAX_BODY),
          text(field + ".eligibility", t.eligibility(), MAX_SHORT_TEXT),
          text(field + ".award", t.award(), MAX_SHORT_TEXT));
      titled |= clean.title() != null;
      if (translations.put(lang, clean) != null) {
        throw ApiException.invalid(field, "Two translations are for the same language " + lang + ".");
      }
    }
    if (!titled) {
      throw ApiException.invalid("translations", "At least one translation needs a title.");
    }
    return translations;
  }

  private static List<String> tags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    if (tags.size() > MAX_TAGS) {
      throw ApiException.invalid("tags", "At most " + MAX_TAGS + " tags.");
    }
    var clean = new LinkedHashSet<String>();
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.length() > 40 || !Slugs.VALID.matcher(tag).matches()) {
        throw ApiException.invalid("tags[" + i + "]", "A tag is lower-case letters, digits and hyphens, e.g. "
            + "sound-art.");
      }
      clean.add(tag);
    }
    return List.copyOf(clean);
  }

  private List<Image> images(List<ItemInput.ImageInput> images) {
    if (images == null) {
      return List.of();
    }
    if (images.size() > MAX_IMAGES) {
      throw ApiException.invalid("images", "At most " + MAX_IMAGES + " images.");
    }
    var clean = new ArrayList<Image>();
    for (int i = 0; i < images.size(); i++) {
      String field = "images[" + i + "]";
      ItemInput.ImageInput image = images.get(i);
      if (image == null || image.mediaId() == null) {
        throw ApiException.invalid(field + ".mediaId", "Each image names an uploaded media id.");
      }
      Media uploaded = (MEDIA_ID.matcher(image.mediaId()).matches() ? media.apply(image.mediaId())
          : Optional.<Media>empty()).orElseThrow(() -> ApiException.invalid(field + ".mediaId",
              "There is no uploaded image " + (image.mediaId().length() > 64 ? "with this id" : image.mediaId())
                  + "."));
      if (uploaded.status() != Media.Status.READY) {
        throw ApiException.invalid(field + ".mediaId", "Image " + image.mediaId() + " is " + uploaded.status().id()
            + (uploaded.reason() == null ? "" : " (" + uploaded.reason() + ")") + "; only ready images can be used.");
      }
      var alt = new LinkedHashMap<String, String>();
      if (image.alt() != null) {
        image.alt().forEach((tag, text) -> alt.put(
            LanguageTags.canonical(tag).orElseThrow(() -> ApiException.invalid(field + ".alt." + tag,
                "'" + tag + "' is not a language tag.")),
            text(field + ".alt." + tag, text, 300)));
      }
      clean.add(new Image(uploaded.renditionsKey(), alt, uploaded.renditions()));
    }
    return clean;
  }

  private static EventDetails event(ItemInput in) {
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
      venue = new EventDetails.Venue(required("venue.name", text("venue.name", in.venue().name(), MAX_TITLE)),
          text("venue.address", in.venue().address(), MAX_TITLE * 2));
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

  private static CallDetails call(ItemInput in) {
    Instant opens = instant("opensAt", required("opensAt", in.opensAt()));
    Instant closes = instant("closesAt", required("closesAt", in.closesAt()));
    if (!closes.isAfter(opens)) {
      throw ApiException.invalid("closesAt", "'closesAt' must be after 'opensAt'.");
    }
    CallDetails.Contact contact = null;
    if (in.contact() != null) {
      String email = in.contact().email();
      if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
        throw ApiException.invalid("contact.email", "'contact.email' is not an email address.");
      }
      contact = new CallDetails.Contact(email, url("contact.url", in.contact().url()));
    }
    return new CallDetails(opens, closes, zone(in.timeZone()), contact);
  }

  private static ProjectDetails project(ItemInput in) {
    if (in.year() != null && (in.year() < 1990 || in.year() > 2100)) {
      throw ApiException.invalid("year", "'year' must be between 1990 and 2100.");
    }
    List<String> cities = list("participatingCities", in.participatingCities());
    for (int i = 0; i < cities.size(); i++) {
      String city = cities.get(i);
      if (city == null || !Slugs.VALID.matcher(city).matches()) {
        throw ApiException.invalid("participatingCities[" + i + "]", "A city is given by its slug, e.g. lyon.");
      }
    }
    var artists = new ArrayList<ProjectDetails.Artist>();
    List<ProjectDetails.Artist> artistInput = list("artists", in.artists());
    for (int i = 0; i < artistInput.size(); i++) {
      ProjectDetails.Artist a = artistInput.get(i);
      String field = "artists[" + i + "]";
      artists.add(new ProjectDetails.Artist(required(field + ".name", text(field + ".name",
          a == null ? null : a.name(), MAX_TITLE)), url(field + ".url", a == null ? null : a.url())));
    }
    var links = new ArrayList<ProjectDetails.Link>();
    List<ProjectDetails.Link> linkInput = list("links", in.links());
    for (int i = 0; i < linkInput.size(); i++) {
      ProjectDetails.Link l = linkInput.get(i);
      String field = "links[" + i + "]";
      links.add(new ProjectDetails.Link(required(field + ".url", url(field + ".url", l == null ? null : l.url())),
          text(field + ".title", l == null ? null : l.title(), MAX_TITLE)));
    }
    return new ProjectDetails(in.year(), text("edition", in.edition(), 100), cities, artists, links);
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

  private static String zone(String zone) {
    String value = required("timeZone", zone);
    try {
      return ZoneId.of(value).getId();
    } catch (DateTimeException e) {
      throw ApiException.invalid("timeZone", "'timeZone' must be an IANA time zone such as Europe/Paris.");
    }
  }

  private static <T> List<T> list(String field, List<T> values) {
    if (values == null) {
      return List.of();
    }
    if (values.size() > MAX_LIST) {
      throw ApiException.invalid(field, "At most " + MAX_LIST + " entries.");
    }
    return values;
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw ApiException.invalid(field, "'" + field + "' is required.");
    }
    return value;
  }

  /** Trimmed text without control characters (newlines and tabs kept), or null when blank. */
  private static String text(String field, String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
    if (clean.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' is " + clean.length() + " characters long; at most " + max
          + ".");
    }
    return clean.isEmpty() ? null : clean;
  }

  private static String url(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(value.strip());
      if ((!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) || uri.getHost() == null
          || value.length() > 2000) {
        throw new java.net.URISyntaxException(value, "not http(s)");
      }
      return uri.toString();
    } catch (java.net.URISyntaxException e) {
      throw ApiException.invalid(field, "'" + field + "' must be an http(s) address.");
    }
  }
}
