package org.mediaartscities.local.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.mediaartscities.shared.json.Json;

/**
 * A headless Chromium spoken to over the Chrome DevTools Protocol with the JDK's WebSocket client: what the web
 * benchmark needs (throttling, device emulation, network events), without a driver or a library.
 */
final class DevTools implements AutoCloseable {

  private final Process chromium;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  private DevTools(Process chromium, Path profile, WebSocket socket) {
    this.chromium = chromium;
    this.profile = profile;
    this.socket = socket;
  }

  static DevTools launch(Path binary) throws Exception {
    Path profile = Files.createTempDirectory("web-bench-profile");
    var command = new java.util.ArrayList<>(List.of(binary.toString(), "--headless=new", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--no-first-run", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "about:blank"));
    if ("root".equals(System.getProperty("user.name"))) {
      command.add(1, "--no-sandbox");
    }
    Process chromium = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String endpoint = null;
    var err = new BufferedReader(new InputStreamReader(chromium.getErrorStream(), StandardCharsets.UTF_8));
    for (String line = err.readLine(); line != null; line = err.readLine()) {
      if (line.startsWith("DevTools listening on ")) {
        endpoint = line.substring("DevTools listening on ".length()).strip();
        break;
      }
    }
    if (endpoint == null) {
      chromium.destroyForcibly();
      throw new IOException("Chromium did not start its DevTools endpoint");
    }
    Thread.ofPlatform().daemon().start(() -> err.lines().forEach(line -> { })); // keep its stderr flowing
    var holder = new DevTools[1];
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(endpoint), new WebSocket.Listener() {
          private final StringBuilder message = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
              String text = message.toString();
              message.setLength(0);
              holder[0].receive(text);
            }
            ws.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    holder[0] = new DevTools(chromium, profile, socket);
    return holder[0];
  }

  private void receive(String text) {
    try {
      JsonNode message = Json.MAPPER.readTree(text);
      if (message.has("id")) {
        var future = pending.remove(message.get("id").asInt());
        if (future != null) {
          if (message.has("error")) {
            future.completeExceptionally(new IllegalStateException(message.get("error").toString()));
          } else {
            future.complete(message.get("result"));
          }
        }
      } else {
        listeners.forEach(listener -> listener.accept(message));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends a command (to a page's session when {@code session} is not null) and waits for its result. */
  JsonNode send(String session, String method, Map<String, Object> params) {
    int id = ids.incrementAndGet();
    ObjectNode message = Json.MAPPER.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", Json.MAPPER.valueToTree(params));
    if (session != null) {
      message.put("sessionId", session);
    }
    var future = new CompletableFuture<JsonNode>();
    pending.put(id, future);
    socket.sendText(message.toString(), true).join();
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " failed: " + e.getMessage(), e);
    }
  }

  void onEvent(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  void removeListener(Consumer<JsonNode> listener) {
    listeners.remove(listener);
  }

  @Override
  public void close() {
    socket.abort();
    chromium.destroy();
    try {
      chromium.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    chromium.destroyForcibly();
    try (var paths = Files.walk(profile)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a profile left in the temporary folder: harmless
    }
  }
}
