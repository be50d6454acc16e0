package org.mediaartscities.local.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.shared.json.Json;

/**
 * The AWS Parameters and Secrets Lambda Extension, played locally: {@code GET /secretsmanager/get?secretId=…} on a
 * loopback port, answered from the deployment's secrets (see {@link LocalResolver#secretValue}), so that functions
 * read their secrets through the same code path as on Lambda. Like the extension, it asks for the session token in
 * {@code X-Aws-Parameters-Secrets-Token} (each deployment has its own port, each function its own token), and it
 * answers nothing while the function is in its init ({@link #duringInit}): "not ready to serve traffic", as the
 * extension answers before the invocation phase. A function that read a secret at init would fail here as on Lambda.
 */
public final class LocalSecretsExtension {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HttpServer server;
  /** Each function's session token, and whether that function is in its init now. */
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, Integer> initialising = new ConcurrentHashMap<>();

  private LocalSecretsExtension(HttpServer server) {
    this.server = server;
  }

  /** Starts answering for the deployment {@code resolver} resolves. */
  public static LocalSecretsExtension start(LocalResolver resolver) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback port for the secrets extension", e);
    }
    var extension = new LocalSecretsExtension(server);
    server.createContext("/secretsmanager/get", exchange -> extension.answer(exchange, resolver));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return extension;
  }

  /** What a function needs to reach it: the extension's port variable and the session token it checks. */
  public Map<String, String> environment(String functionId) {
    return Map.of(
        "PARAMETERS_SECRETS_EXTENSION_HTTP_PORT", Integer.toString(server.getAddress().getPort()),
        "AWS_SESSION_TOKEN", tokens.computeIfAbsent(functionId, id -> newToken()));
  }

  /** Runs {@code init} as the init of {@code functionId}: meanwhile, its requests are answered "not ready". */
  public <T> T duringInit(String functionId, Supplier<T> init) {
    String token = environment(functionId).get("AWS_SESSION_TOKEN");
    initialising.merge(token, 1, Integer::sum);
    try {
      return init.get();
    } finally {
      initialising.computeIfPresent(token, (t, n) -> n == 1 ? null : n - 1);
    }
  }

  private static String newToken() {
    byte[] random = new byte[24];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private void answer(HttpExchange exchange, LocalResolver resolver) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "method not allowed");
        return;
      }
      String token = exchange.getRequestHeaders().getFirst("X-Aws-Parameters-Secrets-Token");
      if (token == null || !tokens.containsValue(token)) {
        send(exchange, 401, "missing or wrong X-Aws-Parameters-Secrets-Token");
        return;
      }
      if (initialising.containsKey(token)) {
        send(exchange, 400, "not ready to serve traffic, please wait");
        return;
      }
      Optional<String> secretId = query(exchange.getRequestURI().getRawQuery(), "secretId");
      if (secretId.isEmpty()) {
        send(exchange, 400, "secretId is required");
        return;
      }
      Optional<String> value = resolver.secretValue(secretId.get());
      if (value.isEmpty()) {
        send(exchange, 400, "ResourceNotFoundException: Secrets Manager can't find the specified secret "
            + secretId.get());
        return;
      }
      var body = new LinkedHashMap<String, Object>();
      body.put("ARN", secretId.get());
      body.put("Name", secretId.get());
      body.put("SecretString", value.get());
      body.put("VersionId", "local");
      byte[] json = Json.MAPPER.writeValueAsBytes(body);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, json.length);
      exchange.getResponseBody().write(json);
    }
  }

  private static Optional<String> query(String rawQuery, String name) {
    if (rawQuery == null) {
      return Optional.empty();
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        return value.isBlank() ? Optional.empty() : Optional.of(value);
      }
    }
    return Optional.empty();
  }

  private static void send(HttpExchange exchange, int status, String message) throws IOException {
    byte[] body = message.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }
}
