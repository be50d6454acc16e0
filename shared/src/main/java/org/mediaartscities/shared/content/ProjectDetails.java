package org.mediaartscities.shared.content;

import java.util.List;

/**
 * What a project or a City to City edition has beyond the common fields.
 *
 * @param participatingCities city slugs
 */
public record ProjectDetails(
    Integer year, String edition, List<String> participatingCities, List<Artist> artists, List<Link> links) {

  public ProjectDetails {
    participatingCities = participatingCities == null ? List.of() : List.copyOf(participatingCities);
    artists = artists == null ? List.of() : List.copyOf(artists);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** An artist taking part; {@code url} may be null. */
  public record Artist(String name, String url) {}

  /** A link to more: a work, a festival page, a video. */
  public record Link(String url, String title) {}
}
