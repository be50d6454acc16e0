package org.mediaartscities.shared.content;

import java.util.List;
import java.util.Map;

/**
 * A member city of the network. Cities are data: new ones join by adding a record.
 *
 * @param slug stable ASCII identifier used in URLs, e.g. {@code kosice}
 * @param name the city's name per language tag, with its diacritics ({@code Košice}, {@code Modène})
 * @param country ISO 3166-1 alpha-2 code
 * @param continent {@code africa}, {@code asia}, {@code europe}, {@code north-america}, {@code south-america},
 *     {@code oceania}
 * @param languages the language tags the city publishes in, its own first
 * @param joinedYear the year it joined the network, or null when unknown
 */
public record City(
    String slug,
    Map<String, String> name,
    String country,
    String continent,
    Coordinates coordinates,
    List<String> languages,
    String website,
    Integer joinedYear) {

  public City {
    name = name == null ? Map.of() : Map.copyOf(name);
    languages = languages == null ? List.of() : List.copyOf(languages);
  }

  /** A point in decimal degrees (WGS 84). */
  public record Coordinates(double lat, double lon) {}
}
