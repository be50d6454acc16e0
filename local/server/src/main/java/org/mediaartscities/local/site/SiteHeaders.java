package org.mediaartscities.local.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.shared.json.Json;

/**
 * The site's security headers, read from {@code web/security-headers.json}: the one definition that the dev server
 * sends and the distribution's response headers policy copies, so that the two cannot drift. Values may name
 * {@code ${Variable}}s (CloudFormation's {@code !Sub} syntax) for what differs by deployment, such as the origins
 * of images and of upload URLs.
 */
public record SiteHeaders(Map<String, String> headers) {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

  /** The file's headers with every variable replaced; a variable the map does not give is an error. */
  public static SiteHeaders load(Path file, Map<String, String> variables) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    var headers = new LinkedHashMap<String, String>();
    root.get("headers").properties().forEach(entry ->
        headers.put(entry.getKey(), substitute(entry.getValue().asText(), variables)));
    return new SiteHeaders(Map.copyOf(headers));
  }

  static String substitute(String value, Map<String, String> variables) {
    Matcher matcher = VARIABLE.matcher(value);
    var out = new StringBuilder();
    while (matcher.find()) {
      String replacement = variables.get(matcher.group(1));
      if (replacement == null) {
        throw new IllegalArgumentException("security-headers.json names ${" + matcher.group(1)
            + "}, which the dev server does not know");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
