package org.mediaartscities.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mediaartscities.shared.json.Json;

/**
 * {@code ./dev load}: deadline day on this machine. Starts the whole backend as {@code ./dev run --in-memory} does
 * (in this JVM, on a free port), then {@code clients} concurrent clients each create, fill and submit
 * applications over HTTP until {@code applications} are in. Prints throughput and latency percentiles per step, and
 * checks that every application is stored exactly once, submitted, with a distinct receipt number.
 */
public final class ApplyLoadBench {

  private ApplyLoadBench() {}

  public static void main(String[] args) throws Exception {
    int applications = option(args, "--applications", 1000);
    int clients = option(args, "--clients", 50);
    var server = org.mediaartscities.local.server.DevServerLauncher.startInMemory();
    int exit = 0;
    try {
      exit = run("http://localhost:" + server.port(), applications, clients,
          org.mediaartscities.local.server.DevServerLauncher.adminToken(server));
    } finally {
      server.close();
    }
    Runtime.getRuntime().halt(exit); // DynamoDB Local leaves non-daemon threads behind
  }

  static int run(String base, int applications, int clients, String adminToken) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String call = Json.MAPPER.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/calls?status=open"))
        .build()).body()).get("items").get(0).get("slug").asText();
    String answers = """
        {"answers": {"name": "Collectif", "country": "FR", "discipline": "installation", "consent": true,
         "statement": "Une installation lumineuse qui relie deux villes du réseau par des capteurs partagés en ligne \
        pendant six semaines de résidence puis montrée dans les festivals des villes."}}""";
    Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    List<String> failures = new CopyOnWriteArrayList<>();
    List<String> receipts = new CopyOnWriteArrayList<>();
    var next = new AtomicInteger();
    long start = System.nanoTime();
    try (var pool = Executors.newFixedThreadPool(clients)) {
      for (int c = 0; c < clients; c++) {
        pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < applications; i = next.getAndIncrement()) {
            try {
              JsonNode created = timed(latencies, "create", http, HttpRequest.newBuilder(URI.create(base + "/calls/"
                  + call + "/applications")).header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Load " + i + "\", \"email\": \"load" + i
                      + "@example.org\", \"language\": \"en\"}")).build(), 201);
              String id = created.get("applicationId").asText();
              String token = created.get("token").asText();
              timed(latencies, "save", http, HttpRequest.newBuilder(URI.create(base + "/applications/" + id))
                  .header("x-application-token", token).header("content-type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(answers)).build(), 200);
              JsonNode submitted = timed(latencies, "submit", http, HttpRequest.newBuilder(URI.create(base
                  + "/applications/" + id + "/submit")).header("x-application-token", token)
                  .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
              receipts.add(id + " " + submitted.get("receipt").get("number").asText());
            } catch (Exception e) {
              failures.add(e.getMessage());
            }
          }
        });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    System.out.printf("%n%d applications (create, save, submit) by %d concurrent clients, over HTTP on loopback%n",
        applications, clients);
    System.out.printf("Total %.1f s, %.1f applications/s, %.1f requests/s%n", seconds, receipts.size() / seconds,
        3 * receipts.size() / seconds);
    System.out.printf("%-8s %8s %8s %8s %8s%n", "step", "p50 ms", "p90 ms", "p99 ms", "max ms");
    for (String step : List.of("create", "save", "submit")) {
      List<Long> values = new ArrayList<>(latencies.getOrDefault(step, List.of()));
      Collections.sort(values);
      System.out.printf("%-8s %8.1f %8.1f %8.1f %8.1f%n", step, percentile(values, 50), percentile(values, 90),
          percentile(values, 99), percentile(values, 100));
    }
    var ids = new HashSet<String>();
    var numbers = new HashSet<String>();
    receipts.forEach(r -> {
      ids.add(r.split(" ")[0]);
      numbers.add(r.split(" ")[1]);
    });
    // What the store holds, read back through the jury's list: the clients' word is not evidence.
    String callId = Json.MAPPER.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/calls/" + call))
        .build()).body()).get("id").asText();
    JsonNode stored = Json.MAPPER.readTree(send(http, HttpRequest.newBuilder(URI.create(base + "/admin/calls/"
        + callId + "/applications?status=submitted")).header("Authorization", "Bearer " + adminToken).build())
        .body()).get("items");
    var storedIds = new HashSet<String>(stored.findValuesAsText("applicationId"));
    var storedNumbers = new HashSet<String>(stored.findValuesAsText("reference"));
    boolean exact = failures.isEmpty() && stored.size() == applications && storedIds.equals(ids)
        && storedNumbers.size() == applications && numbers.equals(storedNumbers);
    System.out.printf("Stored exactly once: %s (%d submitted in the store, %d distinct receipts, %d failures)%n",
        exact ? "yes" : "NO", stored.size(), storedNumbers.size(), failures.size());
    failures.stream().distinct().limit(5).forEach(f -> System.out.println("  failure: " + f));
    return exact ? 0 : 1;
  }

  private static JsonNode timed(Map<String, List<Long>> latencies, String step, HttpClient http, HttpRequest request,
      int expected) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = send(http, request);
    latencies.computeIfAbsent(step, s -> new CopyOnWriteArrayList<>()).add((System.nanoTime() - start) / 1000);
    if (response.statusCode() != expected) {
      throw new IllegalStateException(step + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.MAPPER.readTree(response.body());
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static double percentile(List<Long> sortedMicros, int p) {
    if (sortedMicros.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sortedMicros.size()) - 1;
    return sortedMicros.get(Math.max(0, Math.min(index, sortedMicros.size() - 1))) / 1000.0;
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
