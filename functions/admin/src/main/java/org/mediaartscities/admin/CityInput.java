package org.mediaartscities.admin;

import java.net.URI;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.i18n.LanguageTags;

/** The rules a city must meet when an admin adds or edits one; each failure is a 400 naming the field. */
final class CityInput {

  static final Set<String> CONTINENTS = Set.of("africa", "asia", "europe", "north-america", "south-america",
      "oceania");

  private CityInput() {}

  /** @param pathSlug the slug in the path of an edit (the body's must match or be absent), or null for a create */
  static City validate(City in, String pathSlug) {
    String slug = in.slug() == null ? pathSlug : in.slug();
    if (slug == null || slug.length() > 60 || !Slugs.VALID.matcher(slug).matches()) {
      throw ApiException.invalid("slug", "'slug' is lower-case ASCII letters, digits and hyphens, e.g. tel-aviv.");
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
      if (name == null || name.isBlank() || name.length() > 100) {
        throw ApiException.invalid("name." + tag, "A name has 1 to 100 characters.");
      }
      names.put(lang, name.strip());
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
    if (in.website() != null) {
      try {
        URI website = new URI(in.website().strip());
        if (!"https".equals(website.getScheme()) && !"http".equals(website.getScheme()) || website.getHost() == null) {
          throw new java.net.URISyntaxException(in.website(), "not http(s)");
        }
      } catch (java.net.URISyntaxException e) {
        throw ApiException.invalid("website", "'website' must be an http(s) address.");
      }
    }
    if (in.joinedYear() != null && (in.joinedYear() < 2004 || in.joinedYear() > Year.now().getValue() + 1)) {
      throw ApiException.invalid("joinedYear", "'joinedYear' is a year from 2004, when the network began.");
    }
    return new City(slug, names, in.country(), in.continent(), in.coordinates(), languages, in.website(),
        in.joinedYear());
  }
}
