package org.mediaartscities.shared.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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

  // Read on every stored item and routed request: a loop over one array, not a stream over a fresh values() copy.
  private static final Kind[] ALL = values();

  @JsonCreator
  public static Kind fromId(String id) {
    for (Kind kind : ALL) {
      if (kind.id.equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("Unknown kind " + id);
  }

  /** The kind served under a path segment. */
  public static Optional<Kind> fromPath(String path) {
    for (Kind kind : ALL) {
      if (kind.path.equals(path)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
