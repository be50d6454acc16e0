package org.mediaartscities.shared.content;

import java.util.List;
import java.util.Map;

/**
 * An image of an item: where it is served from, its alternative text per language, and its web renditions.
 *
 * @param key the image's key under the public media base URL (for an upload, the folder of its renditions)
 * @param renditions sizes made from an upload, smallest first; empty for an image given as a plain key
 */
public record Image(String key, Map<String, String> alt, List<Rendition> renditions) {

  public Image {
    alt = alt == null ? Map.of() : Map.copyOf(alt);
    renditions = renditions == null ? List.of() : List.copyOf(renditions);
  }

  public Image(String key, Map<String, String> alt) {
    this(key, alt, List.of());
  }

  /** One web size of an uploaded image. */
  public record Rendition(int width, int height, String key) {}
}
