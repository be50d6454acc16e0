package org.mediaartscities.local.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.mediaartscities.local.server.DevServer;
import org.mediaartscities.local.server.DevServerLauncher;
import org.mediaartscities.shared.json.Json;

/**
 * {@code ./dev web-bench}: the public home, a detail page and the application form, loaded by headless Chromium on a
 * throttled phone profile with a cold cache, against an in-memory dev server. For each: bytes transferred (as sent
 * over the network, compressed), requests, the part of them that is JavaScript, and Largest Contentful Paint.
 * Median of {@code --runs N} loads (default 5), each in a new tab with the browser's cache cleared.
 */
public final class WebBench {

  /** Lighthouse's "Slow 4G" (its mobile default): 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU / 4. */
  static final Map<String, Object> SLOW_4G = Map.of("offline", false, "latency", 150,
      "downloadThroughput", 1.6 * 1024 * 1024 / 8, "uploadThroughput", 750.0 * 1024 / 8);
  static final int CPU_SLOWDOWN = 4;

  private record Load(long bytes, long scriptBytes, int requests, double lcpMs) {}

  private WebBench() {}

  public static void main(String[] args) {
    int status = 0;
    try {
      run(args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 5);
    } catch (Exception e) {
      System.err.println("web-bench failed: " + e);
      status = 1;
    }
    // The embedded services leave non-daemon threads behind.
    System.exit(status);
  }

  private static void run(int runs) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(chromium)) {
      throw new IllegalStateException("no " + chromium + ": apt-get install chromium");
    }
    DevServer server = DevServerLauncher.startInMemory();
    try (DevTools browser = DevTools.launch(chromium)) {
      String site = "http://localhost:" + server.sitePort();
      String api = "http://localhost:" + server.port();
      var pages = new LinkedHashMap<String, String>();
      pages.put("home", site + "/");
      pages.put("detail (news)", site + "/news/" + first(api, "/news?limit=1"));
      pages.put("application form", site + "/calls/" + first(api, "/calls?status=open&limit=1") + "/apply");
      System.out.printf("%nWeb pages on a throttled phone (Slow 4G: 150 ms, 1.6 Mbit/s; CPU / %d; 390x844), cold "
          + "cache, median of %d loads%n%n", CPU_SLOWDOWN, runs);
      System.out.println("| Page | Transferred | Of which JavaScript | Requests | LCP |");
      System.out.println("| --- | --- | --- | --- | --- |");
      for (var page : pages.entrySet()) {
        measure(browser, page.getValue()); // a first load warms the dev server, not the browser
        var loads = new java.util.ArrayList<Load>();
        for (int i = 0; i < runs; i++) {
          loads.add(measure(browser, page.getValue()));
        }
        loads.sort(java.util.Comparator.comparingDouble(Load::lcpMs));
        Load median = loads.get(loads.size() / 2);
        System.out.printf("| %s | %.1f KB | %.1f KB | %d | %.0f ms |%n", page.getKey(), median.bytes() / 1024.0,
            median.scriptBytes() / 1024.0, median.requests(), median.lcpMs());
      }
    } finally {
      server.close();
    }
  }

  private static String first(String api, String list) throws Exception {
    var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + list)).build(),
        HttpResponse.BodyHandlers.ofString());
    return Json.MAPPER.readTree(response.body()).get("items").get(0).get("slug").asText();
  }

  /** One cold load in a new tab: until the load event and then a second with no request in flight. */
  private static Load measure(DevTools browser, String url) throws Exception {
    String target = browser.send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
    String session = browser.send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
        .get("sessionId").asText();
    var bytes = new AtomicLong();
    var scriptBytes = new AtomicLong();
    var requests = new AtomicLong();
    Set<String> inFlight = ConcurrentHashMap.newKeySet();
    Set<String> scripts = ConcurrentHashMap.newKeySet();
    var lastActivity = new AtomicLong(System.nanoTime());
    var loaded = new CountDownLatch(1);
    Consumer<JsonNode> listener = event -> {
      if (!session.equals(event.path("sessionId").asText())) {
        return;
      }
      JsonNode params = event.path("params");
      String id = params.path("requestId").asText();
      switch (event.path("method").asText()) {
        case "Network.requestWillBeSent" -> {
          requests.incrementAndGet();
          inFlight.add(id);
          if ("Script".equals(params.path("type").asText())) {
            scripts.add(id);
          }
        }
        case "Network.loadingFinished" -> {
          bytes.addAndGet(params.path("encodedDataLength").asLong());
          if (scripts.contains(id)) {
            scriptBytes.addAndGet(params.path("encodedDataLength").asLong());
          }
          inFlight.remove(id);
        }
        case "Network.loadingFailed" -> inFlight.remove(id);
        case "Page.loadEventFired" -> loaded.countDown();
        default -> { }
      }
      lastActivity.set(System.nanoTime());
    };
    browser.onEvent(listener);
    try {
      browser.send(session, "Network.enable", Map.of());
      browser.send(session, "Page.enable", Map.of());
      browser.send(session, "Network.clearBrowserCache", Map.of());
      browser.send(session, "Network.setCacheDisabled", Map.of("cacheDisabled", true));
      browser.send(session, "Network.emulateNetworkConditions", SLOW_4G);
      browser.send(session, "Emulation.setCPUThrottlingRate", Map.of("rate", CPU_SLOWDOWN));
      browser.send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
          "deviceScaleFactor", 3, "mobile", true));
      browser.send(session, "Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
          window.__lcp = 0;
          new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
            .observe({type: 'largest-contentful-paint', buffered: true});"""));
      browser.send(session, "Page.navigate", Map.of("url", url));
      if (!loaded.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no load event for " + url);
      }
      while (!inFlight.isEmpty() || System.nanoTime() - lastActivity.get() < TimeUnit.SECONDS.toNanos(1)) {
        Thread.sleep(100);
      }
      double lcp = browser.send(session, "Runtime.evaluate", Map.of("expression", "window.__lcp",
          "returnByValue", true)).path("result").path("value").asDouble();
      return new Load(bytes.get(), scriptBytes.get(), (int) requests.get(), lcp);
    } finally {
      browser.removeListener(listener);
      browser.send(null, "Target.closeTarget", Map.of("targetId", target));
    }
  }
}
