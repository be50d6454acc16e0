package org.mediaartscities.local.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;

/**
 * The pages whose address is not their file ({@code /calls/{slug}/apply} is {@code /apply.html}), read from
 * {@code web/routes.json}, which the distribution's viewer-request function applies as well. A {@code {name}}
 * segment matches one segment of lower-case letters, digits and hyphens (what slugs are made of); the first route
 * that matches wins.
 */
public final class SiteRoutes {

  private record Route(List<String> segments, boolean trailingSlash, String file) {

    boolean matches(List<String> path, boolean slash) {
      if (path.size() != segments.size() || slash != trailingSlash) {
        return false;
      }
      for (int i = 0; i < path.size(); i++) {
        String pattern = segments.get(i);
        boolean variable = pattern.startsWith("{") && pattern.endsWith("}");
        if (variable ? !path.get(i).matches("[a-z0-9]+(-[a-z0-9]+)*") : !pattern.equals(path.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Route> routes;

  private SiteRoutes(List<Route> routes) {
    this.routes = routes;
  }

  public static SiteRoutes load(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    var routes = new ArrayList<Route>();
    for (JsonNode route : root.get("routes")) {
      String path = route.get("path").asText();
      routes.add(new Route(segments(path), path.length() > 1 && path.endsWith("/"), route.get("file").asText()));
    }
    return new SiteRoutes(List.copyOf(routes));
  }

  /** The file (from the site's root, e.g. {@code /apply.html}) that serves this decoded path, if a route names it. */
  public Optional<String> fileFor(String path) {
    List<String> segments = segments(path);
    boolean slash = path.length() > 1 && path.endsWith("/");
    return routes.stream().filter(r -> r.matches(segments, slash)).map(Route::file).findFirst();
  }

  private static List<String> segments(String path) {
    return List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
  }
}
