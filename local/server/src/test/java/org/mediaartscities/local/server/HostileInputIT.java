package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mediaartscities.local.aws.StoreFootprint;
import org.mediaartscities.local.server.HostileRequests.HostileCase;
import org.mediaartscities.local.server.HostileRequests.Place;
import org.mediaartscities.shared.json.Json;

/**
 * Hostile input from the contract, for every operation ({@link HostileRequests}), against a dev server with the
 * sample data. Whatever the request, the answer is never a 5xx; it is one openapi.yaml describes; a 4xx of our code
 * is the JSON error, naming the field when one is at fault; and a refused request leaves the store as it was.
 *
 * <p>{@code ./dev test} runs {@value #DEFAULT_CASES} cases per operation with the fixed seed {@value #DEFAULT_SEED}.
 * {@code ./dev fuzz} runs the same properties with {@code -Dfuzz.seed} (random) for {@code -Dfuzz.minutes}, shared
 * among the operations, and prints the seed and the request of every failure: run it again with that seed,
 * {@code -Dfuzz.operation} and {@code -Dfuzz.cases} (the failure prints them) to see it alone, then keep it as a fixed
 * case.
 */
class HostileInputIT {

  static final long DEFAULT_SEED = 20261202L;
  static final int DEFAULT_CASES = 12;

  private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
  private static final int CASES = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
  private static final double MINUTES = Double.parseDouble(System.getProperty("fuzz.minutes", "0"));
  private static final String ONLY = System.getProperty("fuzz.operation", "");

  private static DevServer server;
  private static HttpClient http;
  private static Fixture fixture;
  private static final HostileRequests REQUESTS = new HostileRequests(ApiContract.get());

  private static final AtomicLong REQUESTS_SENT = new AtomicLong();
  private static final AtomicLong FAILURES = new AtomicLong();

  @BeforeAll
  static void start() throws Exception {
    server = DevServer.start(new DevOptions(0, null, false));
    http = ContractCheckedClient.forDevServer(() -> server.port());
    fixture = Fixture.create(server, http);
  }

  @AfterAll
  static void stop() {
    // ./dev fuzz shows the lines that start with "hostile input".
    System.out.println("hostile input: " + REQUESTS_SENT.get() + " requests, " + FAILURES.get() + " failures");
    if (server != null) {
      server.close();
    }
  }

  /**
   * One test per operation, so that a failure names it: each operation gets its own cap (or share of the time), its
   * own random stream from the seed and the operation alone (a replay of one operation draws the same requests), and
   * its failures listed with the seed and the request that caused them.
   */
  @TestFactory
  Stream<DynamicTest> everyOperationWithstandsHostileInput() {
    List<ApiContract.Operation> operations = ApiContract.get().operations().stream()
        .filter(o -> ONLY.isEmpty() || o.routeKey().equals(ONLY) || o.definition().path("operationId").asText()
            .equals(ONLY)).toList();
    assertThat(operations).as("operations to fuzz").isNotEmpty();
    Duration budget = MINUTES > 0 ? Duration.ofMillis((long) (MINUTES * 60_000 / operations.size())) : null;
    System.out.println("hostile input: seed " + SEED + (budget == null ? ", " + CASES + " cases per operation"
        : ", " + MINUTES + " minutes") + ", " + operations.size() + " operations");
    return operations.stream().map(operation -> DynamicTest.dynamicTest(operation.routeKey(),
        () -> withstandsHostileInput(operation, budget)));
  }

  private static void withstandsHostileInput(ApiContract.Operation operation, Duration budget) throws Exception {
    Random random = new Random(SEED ^ operation.routeKey().hashCode());
    Instant end = budget == null ? null : Instant.now().plus(budget);
    var failures = new ArrayList<String>();
    int cases = 0;
    while (budget == null ? cases < CASES : Instant.now().isBefore(end)) {
      HostileCase hostile = REQUESTS.next(operation, fixture, random);
      cases++;
      REQUESTS_SENT.incrementAndGet();
      String failure = check(operation, hostile);
      if (failure != null) {
        // One line each, with what replays it: the seed, the operation and the case count.
        String report = "seed " + SEED + ", " + operation.routeKey() + ", case " + cases + " (replay: -Dfuzz.seed="
            + SEED + " -Dfuzz.operation='" + operation.routeKey() + "' -Dfuzz.cases=" + cases + "): "
            + failure.replace("\n", " ") + " | request: " + hostile.toString().replace("\n", " ");
        System.out.println("hostile input failure: " + report);
        FAILURES.incrementAndGet();
        failures.add(report);
      }
    }

    assertThat(failures).as(cases + " hostile requests to " + operation.routeKey() + ", seed " + SEED).isEmpty();
  }

  /**
   * Found by this fuzzing (seed 20261202, e.g. {@code POST /newsletter/confirm} with a body 5,000 objects deep): the
   * parser's nesting limit comes without a location, and reading it was a 500. Every operation that takes JSON.
   */
  @Test
  void aBodyNestedDeeperThanTheParserAllowsIsA400NamingTheBody() throws Exception {
    var failures = new ArrayList<String>();
    byte[] deep = ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
    for (ApiContract.Operation operation : ApiContract.get().operations()) {
      if (!operation.definition().path("requestBody").path("content").has("application/json")) {
        continue;
      }
      HostileCase valid = REQUESTS.valid(operation, fixture);
      HostileCase nested = new HostileCase(Place.BODY, "body", "5,000 levels deep", valid.method(), valid.path(),
          valid.query(), valid.headers(), "application/json", deep);
      String failure = check(operation, nested);
      if (failure != null) {
        failures.add(operation.routeKey() + ": " + failure);
      } else {
        HttpResponse<String> response = http.send(request(nested), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 400
            && !Json.MAPPER.readTree(response.body()).path("error").path("field").asText().equals("body")) {
          failures.add(operation.routeKey() + ": " + response.body());
        }
      }
    }

    assertThat(failures).isEmpty();
  }

  /** Sends one hostile request; the broken property, or null when all hold. */
  static String check(ApiContract.Operation operation, HostileCase hostile) throws Exception {
    HttpRequest request;
    try {
      request = request(hostile);
    } catch (IllegalArgumentException e) {
      // A header value no HTTP client can send (CR, LF, NUL): it never reaches API Gateway either.
      return null;
    }
    Map<String, String> before = StoreFootprint.of(server.aws()).stored();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (AssertionError e) {
      return e.getMessage();
    }
    int status = response.statusCode();
    if (status >= 500) {
      return "answered " + status + " " + response.body();
    }
    if (status >= 400) {
      JsonNode body = Json.MAPPER.readTree(response.body().isEmpty() ? "{}" : response.body());
      JsonNode error = body.path("error");
      if (!error.isMissingNode() && status == 400) {
        String field = error.path("field").asText("");
        if (field.isEmpty()) {
          return "a 400 names no field: " + response.body();
        }
        if (hostile.place() != Place.BODY && !names(field, hostile.target()) && !field.equals("body")
            && !refusedAnyway(operation, field)) {
          return "a 400 names '" + field + "', not the hostile " + hostile.target() + ": " + response.body();
        }
      }
      Map<String, String> after = StoreFootprint.of(server.aws()).stored();
      if (!after.equals(before) && !countsFailedTries(operation, status)) {
        return "refused with " + status + " " + response.body() + ", yet the store changed: " + difference(before,
            after);
      }
    } else {
      settle();
    }
    return null;
  }

  /**
   * Whether the valid request, nothing hostile in it, is refused for {@code field} too: the fixture's state (a
   * question's files all sent, a call's language) is at fault, not the hostile value.
   */
  private static boolean refusedAnyway(ApiContract.Operation operation, String field) throws Exception {
    try {
      HttpResponse<String> valid = http.send(request(REQUESTS.valid(operation, fixture)),
          HttpResponse.BodyHandlers.ofString());
      return valid.statusCode() == 400 && Json.MAPPER.readTree(valid.body()).path("error").path("field").asText()
          .equals(field);
    } catch (AssertionError e) {
      return false;
    }
  }

  /**
   * The one refusal that writes: a wrong email verification code counts against the application's five tries, so
   * that guessing the code stops (docs/SECURITY.md).
   */
  private static boolean countsFailedTries(ApiContract.Operation operation, int status) {
    return operation.routeKey().equals("POST /applications/{id}/verify") && status == 400;
  }

  /** Whether a 400's {@code field} is the hostile one, or lies inside it ({@code translations.fr.title}). */
  private static boolean names(String field, String target) {
    String f = field.toLowerCase(Locale.ROOT);
    String t = target.toLowerCase(Locale.ROOT);
    return f.equals(t) || f.startsWith(t + ".") || f.startsWith(t + "[");
  }

  static HttpRequest request(HostileCase hostile) {
    var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + hostile.uri()))
        .timeout(Duration.ofSeconds(30));
    hostile.headers().forEach(builder::header);
    if (hostile.contentType() != null) {
      builder.header("Content-Type", hostile.contentType());
    }
    builder.method(hostile.method(), hostile.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
    return builder.build();
  }

  // What an accepted request sets going (an export, an upload check) finishes before the next request's digest.
  private static void settle() throws InterruptedException {
    Map<String, String> last = StoreFootprint.of(server.aws()).stored();
    for (int i = 0; i < 20; i++) {
      Thread.sleep(150);
      Map<String, String> now = StoreFootprint.of(server.aws()).stored();
      if (now.equals(last)) {
        return;
      }
      last = now;
    }
  }

  private static String difference(Map<String, String> before, Map<String, String> after) {
    var changed = new LinkedHashMap<String, String>();
    after.forEach((name, digest) -> {
      if (!digest.equals(before.get(name))) {
        changed.put(name, before.get(name) + " -> " + digest);
      }
    });
    return changed.toString();
  }

  /** The real ids and tokens the hostile requests start from, created through the API itself. */
  record Fixture(String admin, String applicationId, String applicationToken, String fileId, String newsletterToken,
      String newsId, String callId, String callSlug, String mediaId, Map<String, String> slugs)
      implements HostileRequests.Fixture {

    static Fixture create(DevServer server, HttpClient http) throws Exception {
      var api = new Api(server.port(), http);
      String admin = "Bearer " + server.tokens().issue("admin", null, Duration.ofHours(3), null);
      var slugs = new LinkedHashMap<String, String>();
      for (String kind : List.of("news", "events", "calls", "projects", "city-to-city")) {
        JsonNode items = api.get("/" + kind + "?limit=1", Map.of()).path("items");
        slugs.put(kind, items.isEmpty() ? "no-such-slug" : items.get(0).get("slug").asText());
      }
      String callSlug = api.get("/calls?status=open", Map.of()).path("items").get(0).get("slug").asText();
      String callId = null;
      for (JsonNode call : api.get("/admin/calls?limit=100", Map.of("Authorization", admin)).path("items")) {
        if (call.path("slug").asText().equals(callSlug)) {
          callId = call.get("id").asText();
        }
      }
      String newsId = api.send("POST", "/admin/news", Map.of("Authorization", admin),
          "{\"translations\": {\"en\": {\"title\": \"Hostile input target\"}}}").get("id").asText();
      String mediaId = api.send("POST", "/admin/media", Map.of("Authorization", admin),
          "{\"contentType\": \"image/jpeg\", \"size\": 1000}").get("mediaId").asText();
      JsonNode application = api.send("POST", "/calls/" + callSlug + "/applications", Map.of(),
          "{\"name\": \"Hostile Input\", \"email\": \"hostile.input@example.org\", \"language\": \"en\"}");
      String applicationId = application.get("applicationId").asText();
      String applicationToken = application.get("token").asText();
      String fileId = UUID.randomUUID().toString();
      for (JsonNode field : api.get("/calls/" + callSlug + "/form", Map.of()).path("fields")) {
        if (field.path("type").asText().equals("file")) {
          JsonNode file = api.send("POST", "/applications/" + applicationId + "/files", Map.of(
              "X-Application-Token", applicationToken), "{\"fieldId\": \"" + field.get("id").asText()
              + "\", \"fileName\": \"portfolio.pdf\", \"contentType\": \"application/pdf\", \"size\": 1000}");
          fileId = file.path("fileId").asText(fileId);
          break;
        }
      }
      return new Fixture(admin, applicationId, applicationToken, fileId, newsletterToken(api), newsId, callId,
          callSlug, mediaId, slugs);
    }

    /** A confirmed subscriber's management token, as the confirmation email and POST /newsletter/confirm give it. */
    private static String newsletterToken(Api api) throws Exception {
      api.send("POST", "/newsletter/subscriptions", Map.of(), "{\"email\": \"hostile.reader@example.org\"}");
      for (JsonNode mail : api.get("/_local/outbox", Map.of()).path("items")) {
        Matcher token = Pattern.compile("confirm#token=([A-Za-z0-9._~-]+)").matcher(mail.path("text").asText());
        if (mail.path("to").toString().contains("hostile.reader@example.org") && token.find()) {
          return api.send("POST", "/newsletter/confirm", Map.of(), "{\"token\": \"" + token.group(1) + "\"}")
              .get("manageToken").asText();
        }
      }
      throw new IllegalStateException("No confirmation email for the fixture's subscriber");
    }

    @Override
    public String pathParameter(ApiContract.Operation operation, String name) {
      String path = operation.path();
      return switch (name) {
        case "kind" -> "news";
        case "slug" -> path.startsWith("/calls/") ? callSlug : path.contains("cities") ? "lyon"
            : slugs.getOrDefault(path.split("/")[1], "lyon");
        case "fileId" -> fileId;
        case "exportId" -> UUID.randomUUID().toString();
        case "id" -> path.startsWith("/applications/") || path.startsWith("/admin/applications/") ? applicationId
            : path.startsWith("/admin/calls/") ? callId : path.startsWith("/admin/media/") ? mediaId
            : path.startsWith("/newsletter/digests/") ? "weekly-2026-11-30" : newsId;
        default -> throw new IllegalArgumentException("No fixture value for the path parameter " + name);
      };
    }

    @Override
    public Map<String, String> credentials(ApiContract.Operation operation) {
      var headers = new LinkedHashMap<String, String>();
      for (JsonNode requirement : operation.definition().path("security")) {
        requirement.fieldNames().forEachRemaining(scheme -> {
          switch (scheme) {
            case "cognitoJwt" -> headers.put("Authorization", admin);
            case "applicationToken" -> headers.put("X-Application-Token", applicationToken);
            case "newsletterToken" -> headers.put("X-Newsletter-Token", newsletterToken);
            default -> throw new IllegalArgumentException("No fixture credentials for " + scheme);
          }
        });
      }
      return headers;
    }

    @Override
    public Map<String, String> requiredHeaders(ApiContract.Operation operation, String path) {
      boolean ifMatch = false;
      for (JsonNode parameter : operation.definition().path("parameters")) {
        ifMatch |= parameter.path("$ref").asText().endsWith("/IfMatchRequired");
      }
      if (!ifMatch) {
        return Map.of();
      }
      // The version as it is now: the hostile field, not a stale version, is what the request is refused for.
      try {
        HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + server.port() + path)).headers(credentials(operation).entrySet().stream()
            .flatMap(e -> Stream.of(e.getKey(), e.getValue())).toArray(String[]::new)).build(),
            HttpResponse.BodyHandlers.ofString());
        return current.headers().firstValue("etag").map(etag -> Map.of("If-Match", etag)).orElse(Map.of());
      } catch (Exception | AssertionError e) {
        return Map.of();
      }
    }
  }

  /** A few calls the fixture makes, each expected to succeed. */
  private record Api(int port, HttpClient http) {
    JsonNode get(String path, Map<String, String> headers) throws Exception {
      return send("GET", path, headers, null);
    }

    JsonNode send(String method, String path, Map<String, String> headers, String body) throws Exception {
      var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
          body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      headers.forEach(request::header);
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " "
            + response.body());
      }
      return Json.MAPPER.readTree(response.body());
    }
  }
}
