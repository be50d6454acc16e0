package org.mediaartscities.local.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.mediaartscities.shared.json.Json;

/**
 * An outbox that answers the SES v2 {@code SendEmail} call (raw content) as SES would, and keeps each message: in
 * memory for tests and {@code GET /_local/outbox}, and as an {@code .eml} file in the local data folder. No email
 * leaves the machine. (There is no emulator of SES on Maven Central; this is the one stand-in written here.)
 */
public final class EmbeddedSes implements AutoCloseable {

  /** One message as it would have been sent. */
  public record SentEmail(String messageId, Instant sentAt, byte[] raw) {
    public String text() {
      return new String(raw, StandardCharsets.UTF_8);
    }
  }

  private final HttpServer server;
  private final Path dir;
  /** Messages kept in memory: the newest ones (a 100,000-subscriber digest would not fit); all are counted. */
  static final int KEPT_IN_MEMORY = 20_000;

  private final java.util.ArrayDeque<SentEmail> sent = new java.util.ArrayDeque<>();
  private long count;

  private EmbeddedSes(HttpServer server, Path dir) {
    this.server = server;
    this.dir = dir;
  }

  /** @param dir where .eml files go, or null to keep messages in memory only */
  static EmbeddedSes start(Path dir) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    var ses = new EmbeddedSes(server, dir);
    server.createContext("/v2/email/outbound-emails", ses::sendEmail);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return ses;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** What was sent since the start (the newest {@value #KEPT_IN_MEMORY}), oldest first. */
  public synchronized List<SentEmail> sent() {
    return new ArrayList<>(sent);
  }

  /** How many messages were sent since the start. */
  public synchronized long count() {
    return count;
  }

  private synchronized void keep(SentEmail email) {
    sent.addLast(email);
    count++;
    if (sent.size() > KEPT_IN_MEMORY) {
      sent.removeFirst();
    }
  }

  private void sendEmail(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
      JsonNode data = request.path("Content").path("Raw").path("Data");
      if (!exchange.getRequestMethod().equals("POST") || data.isMissingNode()) {
        respond(exchange, 400, Map.of("message", "Only SendEmail with Raw content is supported locally"));
        return;
      }
      byte[] raw = Base64.getDecoder().decode(data.asText());
      var email = new SentEmail(UUID.randomUUID().toString(), Instant.now(), raw);
      keep(email);
      if (dir != null) {
        Files.createDirectories(dir);
        Files.write(dir.resolve(email.sentAt().toEpochMilli() + "-" + email.messageId() + ".eml"), raw);
      }
      respond(exchange, 200, Map.of("MessageId", email.messageId()));
    }
  }

  private static void respond(HttpExchange exchange, int status, Map<String, String> body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
