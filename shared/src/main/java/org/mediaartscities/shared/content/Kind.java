package org.mediaartscities.shared.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The five kinds of published items; each is served under its own path. */
public enum Kind {
  NEWS("news", "news"),
  EVENT("event", "events"),
  CALL("call", "calls"),
  PROJECT("project", "projects"),
  CITY_TO_CITY("city-to-city", "city-to-city");

  private final String id;
  private final String path;

  Kind(String id, String path) {
    this.id = id;
    this.path = path;
  }

  /** The kind as stored and as JSON shows it: {@code news}, {@code event}... */
  @JsonValue
  public String id() {
    return id;
  }

  /** The first path segment of its public routes: {@code /news}, {@code /events}... */
  public String path() {
    return path;
  }

  @JsonCreator
  public static Kind fromId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown kind " + id));
  }

  /** The kind served under a path segment. */
  public static Optional<Kind> fromPath(String path) {
    return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
  }
}
