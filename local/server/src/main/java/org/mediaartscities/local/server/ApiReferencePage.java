package org.mediaartscities.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code /docs} on the dev server: the API reference, Swagger UI rendering {@code /openapi.json} (which the
 * content function serves, as in AWS). Swagger UI comes from the {@code org.webjars:swagger-ui} jar on the classpath:
 * nothing is fetched from a CDN. Every other path goes to {@code others}, the API.
 */
final class ApiReferencePage implements HttpHandler {

  static final String PATH = "/docs";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8", "png", "image/png", "html", "text/html; charset=utf-8",
      "txt", "text/plain; charset=utf-8");
  private static final byte[] PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>Media Arts Cities API</title>
        <link rel="stylesheet" href="/docs/swagger-ui.css">
        <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/docs/swagger-ui-bundle.js"></script>
        <script src="/docs/swagger-ui-standalone-preset.js"></script>
        <script src="/docs/api-reference.js"></script>
      </body>
      </html>
      """.getBytes(StandardCharsets.UTF_8);
  // Swagger UI's own initializer points at the petstore; this one at the contract the API serves.
  private static final byte[] INITIALIZER = """
      window.onload = function () {
        window.ui = SwaggerUIBundle({
          url: "/openapi.json",
          dom_id: "#swagger-ui",
          deepLinking: true,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
          layout: "StandaloneLayout"
        });
      };
      """.getBytes(StandardCharsets.UTF_8);

  private final HttpHandler others;
  private final String assets;

  ApiReferencePage(HttpHandler others) {
    this.others = others;
    this.assets = WEBJAR + webjarVersion() + "/";
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
      others.handle(exchange);
      return;
    }
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", "Method Not Allowed\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String name = path.length() <= PATH.length() + 1 ? "" : path.substring(PATH.length() + 1);
      if (name.isEmpty()) {
        send(exchange, 200, TYPES.get("html"), PAGE);
      } else if (name.equals("api-reference.js")) {
        send(exchange, 200, TYPES.get("js"), INITIALIZER);
      } else {
        byte[] asset = asset(name);
        if (asset == null) {
          send(exchange, 404, TYPES.get("txt"), "Not Found\n".getBytes(StandardCharsets.UTF_8));
        } else {
          send(exchange, 200, TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
              "application/octet-stream"), asset);
        }
      }
    }
  }

  private byte[] asset(String name) throws IOException {
    if (!ASSET.matcher(name).matches() || name.contains("..")) {
      return null;
    }
    try (InputStream in = ApiReferencePage.class.getClassLoader().getResourceAsStream(assets + name)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("content-type", type);
    exchange.getResponseHeaders().set("cache-control", "no-cache");
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static String webjarVersion() {
    try (InputStream in = ApiReferencePage.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("org.webjars:swagger-ui is not on the classpath");
      }
      var properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
