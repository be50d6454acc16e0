package org.mediaartscities.content;

import java.util.Map;

/**
 * An image of an item: a key in the media bucket and its alternative text per language.
 */
public record Image(String key, Map<String, String> alt) {

  public Image {
    alt = alt == null ? Map.of() : Map.copyOf(alt);
  }
}
