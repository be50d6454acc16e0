package org.mediaartscities.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.text.FieldRules;

/** The rules a city must meet when an admin adds or edits one; each failure is a 400 naming the field. */
final class CityInput {

  static final Set<String> CONTINENTS = Set.of("africa", "asia", "europe", "north-america", "south-america",
      "oceania");

  private CityInput() {}

  /**
   * @param pathSlug the slug in the path of an edit (the body's must match or be absent), or null for a create
   * @param thisYear the latest year a city may have joined is next year (a city announced ahead)
   */
  static City validate(City in, String pathSlug, int thisYear) {
    String slug = in.slug() == null ? pathSlug : in.slug();
    if (slug == null || slug.length() > 60 || !FieldRules.isSlug(slug)) {
      throw ApiException.invalid("slug", "'slug' is lower-case ASCII letters, digits and hyphens, e.g. tel-aviv.");
    }
    if (slug.equals(ContentKeys.NETWORK)) {
      // Network-wide items are keyed under "network": a city of that name would share their partition.
      throw ApiException.invalid("slug", "'network' is reserved for network-wide items; choose the city's name.");
    }
    if (pathSlug != null && !slug.equals(pathSlug)) {
      throw ApiException.invalid("slug", "The slug of a city cannot change.");
    }
    if (in.name() == null || in.name().isEmpty()) {
      throw ApiException.invalid("name", "'name' needs the city's name in at least one language.");
    }
    var names = new LinkedHashMap<String, String>();
    in.name().forEach((tag, name) -> {
      String lang = LanguageTags.canonical(tag).orElseThrow(() -> ApiException.invalid("name." + tag,
          "'" + tag + "' is not a language tag."));
      String clean = FieldRules.oneLine(name);
      if (clean == null || clean.isEmpty() || clean.length() > 100) {
        throw ApiException.invalid("name." + tag, "A name has 1 to 100 characters.");
      }
      names.put(lang, clean);
    });
    if (in.country() == null || !in.country().matches("[A-Z]{2}")) {
      throw ApiException.invalid("country", "'country' is an ISO 3166 code such as FR or KR.");
    }
    if (in.continent() == null || !CONTINENTS.contains(in.continent())) {
      throw ApiException.invalid("continent", "'continent' is one of " + String.join(", ", CONTINENTS.stream()
          .sorted().toList()) + ".");
    }
    if (in.coordinates() == null || Math.abs(in.coordinates().lat()) > 90 || Math.abs(in.coordinates().lon()) > 180) {
      throw ApiException.invalid("coordinates", "'coordinates' are {\"lat\", \"lon\"} in decimal degrees.");
    }
    List<String> languages = in.languages().stream().map(tag -> LanguageTags.canonical(tag).orElseThrow(() ->
        ApiException.invalid("languages", "'" + tag + "' is not a language tag."))).toList();
    if (in.website() != null && !FieldRules.isHttpUrl(in.website().strip())) {
      throw ApiException.invalid("website", "'website' must be an http(s) address.");
    }
    if (in.joinedYear() != null && (in.joinedYear() < 2004 || in.joinedYear() > thisYear + 1)) {
      throw ApiException.invalid("joinedYear", "'joinedYear' is a year from 2004, when the network began.");
    }
    return new City(slug, names, in.country(), in.continent(), in.coordinates(), languages, in.website(),
        in.joinedYear());
  }
}
