package org.mediaartscities.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A port in front of a dev server for what does not go through {@link ContractCheckedClient}: the documented
 * journeys' curl. Each request is relayed through that client as it came, and every answer the contract does not
 * describe is collected for the test to assert on.
 */
final class ContractCheckingRelay implements AutoCloseable {

  /** Set by HTTP itself on each hop: the JDK client refuses to be given them. */
  private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "transfer-encoding", "keep-alive");

  private final HttpServer server;
  private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

  private ContractCheckingRelay(int devServerPort) throws IOException {
    HttpClient client = ContractCheckedClient.forDevServer(() -> devServerPort, violations::add);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", exchange -> relay(exchange, client, devServerPort));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  static ContractCheckingRelay to(int devServerPort) {
    try {
      return new ContractCheckingRelay(devServerPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<String> violations() {
    return List.copyOf(violations);
  }

  private static void relay(HttpExchange exchange, HttpClient client, int devServerPort) throws IOException {
    try (exchange) {
      URI target = URI.create("http://localhost:" + devServerPort + exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      var request = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(), body.length == 0
          ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(value -> request.header(name, value));
        }
      });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      response.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
