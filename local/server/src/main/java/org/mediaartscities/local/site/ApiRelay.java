package org.mediaartscities.local.site;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /api/...} on the site: the request relayed over loopback to the dev server's API port without its prefix,
 * as the distribution's {@code /api/*} behaviour forwards it to API Gateway. Pages call the API on their own origin,
 * so they need no CORS.
 */
final class ApiRelay {

  static final String PREFIX = "/api/";

  // Hop-by-hop headers and those the JDK client sets itself; the rest goes through as it came.
  private static final Set<String> NOT_RELAYED = Set.of("connection", "content-length", "expect", "host", "upgrade",
      "keep-alive", "te", "trailer", "transfer-encoding", "proxy-connection", "proxy-authorization", "http2-settings");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final int apiPort;

  ApiRelay(int apiPort) {
    this.apiPort = apiPort;
  }

  void relay(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String target = "http://127.0.0.1:" + apiPort + uri.getRawPath().substring(PREFIX.length() - 1)
        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    byte[] body = exchange.getRequestBody().readAllBytes();
    var request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofMinutes(2))
        .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!NOT_RELAYED.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(value -> request.header(name, value));
      }
    });
    HttpResponse<byte[]> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    var out = exchange.getResponseHeaders();
    response.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!NOT_RELAYED.contains(lower) && !lower.equals(":status")) {
        out.put(name, values);
      }
    });
    int status = response.statusCode();
    byte[] answer = response.body();
    boolean empty = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD") || answer.length == 0;
    exchange.sendResponseHeaders(status, empty ? -1 : answer.length);
    if (!empty) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(answer);
      }
    }
  }
}
