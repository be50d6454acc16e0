package org.mediaartscities.local.site;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * The files of {@code web/}, as the bucket behind the distribution serves them: a route's file, a folder's
 * {@code index.html}, the file itself, or {@code 404.html} with a 404. Nothing outside the folder, whatever the path
 * says, and no hidden file. Text is gzipped for clients that accept it, as the distribution compresses it.
 */
final class StaticFiles {

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json; charset=utf-8"),
      Map.entry("webmanifest", "application/manifest+json; charset=utf-8"),
      Map.entry("txt", "text/plain; charset=utf-8"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("gif", "image/gif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff2", "font/woff2"));

  private final Path root;
  private final SiteRoutes routes;

  StaticFiles(Path root, SiteRoutes routes) {
    this.root = root.toAbsolutePath().normalize();
    this.routes = routes;
  }

  void serve(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      sendText(exchange, 405, "Method not allowed.");
      return;
    }
    String path = exchange.getRequestURI().getPath(); // decoded: %2e%2e is .. here, and refused below
    Optional<Path> file = resolve(path);
    if (file.isEmpty() && !path.endsWith("/") && isInside(path) && Files.isDirectory(root.resolve(path.substring(1)))) {
      exchange.getResponseHeaders().set("Location", path + "/");
      sendText(exchange, 301, "Moved.");
      return;
    }
    if (file.isEmpty()) {
      send(exchange, 404, root.resolve("404.html"));
      return;
    }
    send(exchange, 200, file.get());
  }

  /** The file a decoded path names, if it is a regular, visible file inside the root. */
  Optional<Path> resolve(String path) {
    if (!isInside(path)) {
      return Optional.empty();
    }
    String name = routes.fileFor(path).orElse(path.endsWith("/") ? path + "index.html" : path);
    Path file = root.resolve(name.substring(1)).normalize();
    try {
      if (!file.startsWith(root) || !Files.isRegularFile(file) || !file.toRealPath().startsWith(root.toRealPath())) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return Optional.of(file);
  }

  /** No parent segment, no hidden file or folder, no backslash or NUL: a path that can only name something inside. */
  private static boolean isInside(String path) {
    if (!path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return false;
    }
    for (String segment : path.split("/")) {
      if (segment.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  private static void send(HttpExchange exchange, int status, Path file) throws IOException {
    String name = file.getFileName().toString();
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    String type = TYPES.getOrDefault(extension, "application/octet-stream");
    byte[] body = Files.readAllBytes(file);
    var out = exchange.getResponseHeaders();
    out.set("Content-Type", type);
    // Locally, every edit shows at once; the distribution's cache policy decides in AWS.
    out.set("Cache-Control", "no-cache");
    out.add("Vary", "Accept-Encoding");
    String accepts = exchange.getRequestHeaders().getFirst("Accept-Encoding");
    if ((type.startsWith("text/") || type.contains("json") || type.contains("svg")) && accepts != null
        && accepts.contains("gzip")) {
      var zipped = new ByteArrayOutputStream();
      try (var gzip = new GZIPOutputStream(zipped)) {
        gzip.write(body);
      }
      body = zipped.toByteArray();
      out.set("Content-Encoding", "gzip");
    }
    write(exchange, status, body);
  }

  static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    write(exchange, status, text.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }
}
