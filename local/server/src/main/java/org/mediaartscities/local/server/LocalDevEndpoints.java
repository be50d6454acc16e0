package org.mediaartscities.local.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.mediaartscities.local.auth.LocalIssuer;
import org.mediaartscities.local.auth.LocalTokens;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.local.aws.EmbeddedSes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The dev server's own routes under {@code /_local/}: what Cognito and the local tooling provide. They exist only
 * here, never in template.yaml or in AWS.
 *
 * <ul>
 *   <li>{@code GET /_local/token?role=editor&city=lyon&expires-in=3600[&email=ana@example.org]}: a signed ID token
 *   (text), with a verified email when one is given;</li>
 *   <li>{@code GET /_local/jwks.json}: the public key that verifies them;</li>
 *   <li>{@code GET /_local/media/renditions/...}: image renditions, as the CDN serves them in AWS;</li>
 *   <li>{@code POST /_local/digest[?at=2026-12-07T08:00:00+01:00]}: runs the newsletter digest now (or as of that
 *       time), as its schedule would, and sends it;</li>
 *   <li>{@code GET /_local/outbox}: the emails the functions sent (newest first); {@code /_local/outbox/{id}} one,
 *       as the raw {@code .eml}.</li>
 * </ul>
 */
public final class LocalDevEndpoints implements HttpHandler {

  static final String MEDIA_PATH = "/_local/media";

  private final LocalIssuer issuer;
  private final LocalTokens tokens;
  private final S3Client s3;
  private final String mediaBucket;
  private final EmbeddedSes outbox;
  private final java.util.function.Function<String, Map<String, Object>> digest;

  LocalDevEndpoints(LocalIssuer issuer, LocalTokens tokens, S3Client s3, String mediaBucket, EmbeddedSes outbox,
      java.util.function.Function<String, Map<String, Object>> digest) {
    this.digest = digest;
    this.issuer = issuer;
    this.tokens = tokens;
    this.s3 = s3;
    this.mediaBucket = mediaBucket;
    this.outbox = outbox;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
        // DNS rebinding: a page on another site can resolve its own name to 127.0.0.1 and call this port from the
        // browser; its requests carry that name as Host. These endpoints hand out tokens for any role.
        send(exchange, 403, "application/json", Json.write(Map.of("message",
            "The /_local endpoints answer only requests addressed to localhost or a loopback address.")));
      } else if (exchange.getRequestMethod().equals("POST") && path.equals("/_local/digest")) {
        String at = query(exchange.getRequestURI().getRawQuery()).get("at");
        try {
          send(exchange, 200, "application/json", Json.write(digest.apply(at)));
        } catch (java.time.format.DateTimeParseException e) {
          send(exchange, 400, "application/json", Json.write(Map.of("message",
              "'at' is a date and time with an offset, e.g. 2026-12-07T08:00:00+01:00")));
        } catch (IllegalArgumentException e) {
          // A run that cannot be (the planner says why); said, not swallowed into an empty reply.
          send(exchange, 400, "application/json", Json.write(Map.of("message", String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
          e.printStackTrace();
          send(exchange, 500, "application/json", Json.write(Map.of("message", "The digest failed: " + e
              + " (the dev server's output has the stack trace)")));
        }
      } else if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "application/json", Json.write(Map.of("message", "Method Not Allowed")));
      } else if (path.equals("/_local/jwks.json")) {
        send(exchange, 200, "application/json", issuer.jwks());
      } else if (path.equals("/_local/token")) {
        token(exchange);
      } else if (path.equals("/_local/outbox")) {
        send(exchange, 200, "application/json", Json.write(Map.of("items", outbox.sent().reversed().stream()
            .map(LocalDevEndpoints::summary).toList())));
      } else if (path.startsWith("/_local/outbox/")) {
        String id = path.substring("/_local/outbox/".length());
        var email = outbox.sent().stream().filter(e -> e.messageId().equals(id)).findFirst();
        if (email.isPresent()) {
          send(exchange, 200, "message/rfc822", email.get().text());
        } else {
          send(exchange, 404, "application/json", Json.write(Map.of("message", "Not Found")));
        }
      } else if (path.startsWith(MEDIA_PATH + "/renditions/") && !path.contains("..")) {
        media(exchange, path.substring(MEDIA_PATH.length() + 1));
      } else {
        send(exchange, 404, "application/json", Json.write(Map.of("message", "Not Found")));
      }
    }
  }

  /** Whether a Host header names this machine: {@code localhost} or a loopback address, with or without a port. */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String name = host.strip().toLowerCase(java.util.Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      return end > 0 && name.substring(1, end).equals("::1") && (end == name.length() - 1
          || name.substring(end + 1).matches(":\\d{1,5}"));
    }
    String bare = name.replaceFirst(":\\d{1,5}$", "");
    return bare.equals("localhost") || bare.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
  }

  private void token(HttpExchange exchange) throws IOException {
    Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
    try {
      long seconds = Long.parseLong(query.getOrDefault("expires-in", "3600"));
      String token = tokens.issue(query.getOrDefault("role", "editor"), query.get("city"), Duration.ofSeconds(seconds),
          query.get("sub"), query.get("email"));
      send(exchange, 200, "text/plain; charset=utf-8", token + "\n");
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "application/json", Json.write(Map.of("message", e.getMessage())));
    }
  }

  // Only renditions are public, as the CDN's bucket policy allows in AWS; originals stay private.
  private void media(HttpExchange exchange, String key) throws IOException {
    try {
      var object = s3.getObjectAsBytes(r -> r.bucket(mediaBucket).key(key));
      exchange.getResponseHeaders().set("content-type", object.response().contentType());
      // As the CDN passes it on: the object's own Cache-Control, which the media function sets.
      String cacheControl = object.response().cacheControl();
      exchange.getResponseHeaders().set("cache-control", cacheControl != null ? cacheControl : "public, max-age=86400");
      byte[] bytes = object.asByteArray();
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (NoSuchKeyException e) {
      send(exchange, 404, "application/json", Json.write(Map.of("message", "Not Found")));
    }
  }

  /** Who, what, when, and the text part, read back with a MIME parser. */
  private static Map<String, Object> summary(EmbeddedSes.SentEmail email) {
    var view = new java.util.LinkedHashMap<String, Object>();
    view.put("id", email.messageId());
    view.put("sentAt", email.sentAt().toString());
    try {
      var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
          new java.io.ByteArrayInputStream(email.raw()));
      view.put("to", java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
      view.put("subject", message.getSubject());
      if (message.getContent() instanceof jakarta.mail.internet.MimeMultipart parts) {
        view.put("text", parts.getBodyPart(0).getContent());
      }
    } catch (Exception e) {
      view.put("error", "not a readable MIME message: " + e.getMessage());
    }
    view.put("eml", "/_local/outbox/" + email.messageId());
    return view;
  }

  private static Map<String, String> query(String raw) {
    var query = new HashMap<String, String>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int equals = pair.indexOf('=');
        if (equals > 0) {
          query.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("content-type", type);
    exchange.getResponseHeaders().set("cache-control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
