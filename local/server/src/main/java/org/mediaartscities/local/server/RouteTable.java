package org.mediaartscities.local.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.local.template.Template.HttpRoute;

/**
 * Matches a request to the template's HttpApi routes as API Gateway does: literal segments beat
 * {@code {param}}s, which beat a greedy {@code {proxy+}}; {@code ANY} matches every method.
 */
final class RouteTable {

  /** A matched route and the path parameters it captured. */
  record Match(HttpRoute route, Map<String, String> pathParameters) {}

  private record Candidate(HttpRoute route, String[] segments, int literals, boolean greedy) {}

  private final List<Candidate> candidates;

  RouteTable(List<HttpRoute> routes) {
    this.candidates = routes.stream().map(route -> {
      String[] segments = split(route.path());
      int literals = 0;
      boolean greedy = false;
      for (String segment : segments) {
        if (segment.endsWith("+}")) {
          greedy = true;
        } else if (!segment.startsWith("{")) {
          literals++;
        }
      }
      return new Candidate(route, segments, literals, greedy);
    }).sorted(Comparator.comparing(Candidate::greedy).thenComparing(Comparator.comparingInt(Candidate::literals)
        .reversed())).toList();
  }

  Optional<Match> match(String method, String rawPath) {
    String[] path = split(rawPath);
    for (Candidate candidate : candidates) {
      String routeMethod = candidate.route().method();
      if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
        continue;
      }
      Map<String, String> parameters = bind(candidate, path);
      if (parameters != null) {
        return Optional.of(new Match(candidate.route(), parameters));
      }
    }
    return Optional.empty();
  }

  /** Whether any route serves this path, whatever the method (for CORS preflight and 404 vs 405-like cases). */
  boolean hasPath(String rawPath) {
    String[] path = split(rawPath);
    return candidates.stream().anyMatch(c -> bind(c, path) != null);
  }

  private static Map<String, String> bind(Candidate candidate, String[] path) {
    String[] segments = candidate.segments();
    var parameters = new HashMap<String, String>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.endsWith("+}")) {
        if (i >= path.length) {
          return null;
        }
        parameters.put(name(segment), decode(String.join("/", List.of(path).subList(i, path.length))));
        return parameters;
      }
      if (i >= path.length) {
        return null;
      }
      if (segment.startsWith("{")) {
        parameters.put(name(segment), decode(path[i]));
      } else if (!segment.equals(path[i])) {
        return null;
      }
    }
    return segments.length == path.length ? parameters : null;
  }

  private static String name(String segment) {
    return segment.substring(1, segment.length() - 1).replace("+", "");
  }

  private static String[] split(String path) {
    String trimmed = path.replaceAll("^/+|/+$", "");
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
