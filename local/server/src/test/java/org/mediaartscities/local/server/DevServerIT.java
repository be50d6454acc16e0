package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.json.Json;

/** ./dev run, end to end over HTTP: template routes, real handler, sample data, API Gateway's own answers. */
class DevServerIT {

  private static DevServer server;
  // Every answer of the API is checked against openapi.yaml.
  private static final HttpClient HTTP = ContractCheckedClient.forDevServer(() -> server.port());

  @BeforeAll
  static void start() {
    server = DevServer.start(new DevOptions(0, null, false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void servesTheNewsListFromSampleData() throws Exception {
    HttpResponse<String> response = get("/news?lang=fr&limit=3&tag=network", "Accept-Language", "en");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("items")).isNotEmpty().allMatch(i -> i.get("lang").asText().equals("fr"));
    assertThat(body.get("items")).allMatch(i -> i.get("tags").toString().contains("network"));
  }

  @Test
  void servesADetailByPathParameterAndAnswers304() throws Exception {
    HttpResponse<String> first = get("/cities/tel-aviv");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(first.body()).get("slug").asText()).isEqualTo("tel-aviv");
    String etag = first.headers().firstValue("etag").orElseThrow();

    HttpResponse<String> second = get("/cities/tel-aviv", "If-None-Match", etag);
    assertThat(second.statusCode()).isEqualTo(304);
    assertThat(second.body()).isEmpty();
  }

  @Test
  void anUnknownRouteGetsApiGatewaysOwn404() throws Exception {
    HttpResponse<String> response = get("/no/such/route");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void aBadParameterIsA400JsonErrorOverHttp() throws Exception {
    HttpResponse<String> response = get("/calls?status=someday");

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Json.MAPPER.readTree(response.body()).get("error");
    assertThat(error.get("field").asText()).isEqualTo("status");
    assertThat(error.get("requestId").asText()).isEqualTo(response.headers().firstValue("apigw-requestid")
        .orElseThrow());
  }

  @Test
  void aRawNonAsciiQueryIsTheSameJson400AsAnyBadParameter() throws Exception {
    // What curl sends for a pasted "cursor=…": the UTF-8 bytes as they are, which no HTTP client library sends.
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("GET /news?limit=5&cursor=\u2026 HTTP/1.1\r\nHost: localhost\r\n"
          + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 400");
      JsonNode error = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).get("error");
      assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
      assertThat(error.get("field").asText()).isEqualTo("cursor");
    }
  }

  /** Every request header and method docs/API.md tells a browser to send. */
  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> documentedBrowserRequests() {
    var methods = java.util.List.of("GET", "POST", "PUT", "DELETE");
    var headers = java.util.List.of("authorization", "content-type", "if-match", "if-none-match", "accept-language",
        "x-application-token", "x-newsletter-token");
    return methods.stream().flatMap(method -> headers.stream()
        .map(header -> org.junit.jupiter.params.provider.Arguments.of(method, header)));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {1}")
  @org.junit.jupiter.params.provider.MethodSource("documentedBrowserRequests")
  void aPreflightAllowsEveryDocumentedHeaderAndMethodFromAnAllowedOriginOnly(String method, String header)
      throws Exception {
    assertThat(java.nio.file.Files.readString(org.mediaartscities.local.RepoPaths.root().resolve("docs/API.md"))
        .toLowerCase(java.util.Locale.ROOT)).as("docs/API.md names " + header).contains(header);
    HttpResponse<String> allowed = preflight("http://localhost:5173", method, header);
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains("http://localhost:5173");
    assertThat(java.util.List.of(allowed.headers().firstValue("access-control-allow-methods").orElse("")
        .split("\\s*,\\s*"))).contains(method);
    assertThat(java.util.List.of(allowed.headers().firstValue("access-control-allow-headers").orElse("")
        .toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*"))).contains(header);

    HttpResponse<String> other = preflight("https://evil.example", method, header);
    assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  private HttpResponse<String> preflight(String origin, String method, String header) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("/applications/00000000-0000-0000-0000-000000000000"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
        .header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", header).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "token --role bogus|role",
      "digest --at nonsense|'at'"})
  void aRefusalByTheRunningServerIsPrintedAloneWithoutAHintToStartIt(String arguments, String reason)
      throws Exception {
    var command = new java.util.ArrayList<>(java.util.List.of("bash",
        org.mediaartscities.local.RepoPaths.root().resolve("dev").toString()));
    command.addAll(java.util.List.of(arguments.split(" ")));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("API", "http://localhost:" + server.port());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(1);
    assertThat(output).contains(reason).doesNotContain("is ./dev run running");
  }

  @Test
  void theLocalEndpointsRefuseARequestAddressedToAnotherHost() throws Exception {
    // What a DNS-rebinding page sends: this port, under its own name.
    try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(("GET /_local/token?role=admin HTTP/1.1\r\nHost: rebind.evil.example:"
          + server.port() + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 403").doesNotContain("eyJ");
    }
    assertThat(get("/_local/token?role=admin").statusCode()).isEqualTo(200);
  }

  @Test
  void corsPreflightIsAnsweredForAConfiguredOriginOnly() throws Exception {
    HttpResponse<String> allowed = HTTP.send(HttpRequest.newBuilder(uri("/news"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(allowed.statusCode()).isEqualTo(204);
    assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains("http://localhost:5173");

    HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(uri("/news"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();

    HttpResponse<String> simple = get("/cities", "Origin", "https://mediaartscities.com");
    assertThat(simple.headers().firstValue("access-control-allow-origin")).contains("https://mediaartscities.com");
    assertThat(simple.headers().firstValue("access-control-expose-headers").orElseThrow()).contains("etag");
  }

  @Test
  void servesTheApiReferenceFromTheWebjarPointingAtTheContract() throws Exception {
    HttpResponse<String> page = get("/docs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    assertThat(page.body()).contains("/docs/swagger-ui-bundle.js").doesNotContain("https://");

    HttpResponse<String> bundle = get("/docs/swagger-ui-bundle.js");
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("content-type")).contains("text/javascript; charset=utf-8");
    assertThat(bundle.body()).contains("SwaggerUIBundle");
    assertThat(get("/docs/swagger-ui.css").statusCode()).isEqualTo(200);
    assertThat(get("/docs/api-reference.js").body()).contains("url: \"/openapi.json\"");
    assertThat(get("/docs/../template.yaml").statusCode()).isEqualTo(404);
    assertThat(get("/docs/no-such-asset.js").statusCode()).isEqualTo(404);

    HttpResponse<String> contract = get("/openapi.json");
    assertThat(contract.statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(contract.body()).get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void feedsAreServedWithTheirContentTypes() throws Exception {
    assertThat(get("/news/feed.rss").headers().firstValue("content-type")).contains("application/rss+xml; "
        + "charset=utf-8");
    assertThat(get("/events/calendar.ics?city=lyon").body()).startsWith("BEGIN:VCALENDAR\r\n");
  }

  @Test
  void anUploadThroughThePresignedUrlIsCheckedAndServedLikeOnAws() throws Exception {
    var image = new java.awt.image.BufferedImage(800, 500, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var bytes = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "jpg", bytes);
    String token = "Bearer " + server.tokens().issue("editor", "lyon", java.time.Duration.ofMinutes(5), null);
    HttpResponse<String> upload = HTTP.send(HttpRequest.newBuilder(uri("/admin/media")).header("Authorization", token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"contentType\": \"image/jpeg\", \"size\": "
            + bytes.size() + "}")).build(), HttpResponse.BodyHandlers.ofString());
    JsonNode request = Json.MAPPER.readTree(upload.body());

    HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(request.get("uploadUrl").asText()))
        .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
        .build(), HttpResponse.BodyHandlers.discarding());
    assertThat(put.statusCode()).isEqualTo(200);

    // Nothing but the dev server's S3 event delivery runs the media function here.
    JsonNode media = null;
    for (int i = 0; i < 50; i++) {
      media = Json.MAPPER.readTree(get("/admin/media/" + request.get("mediaId").asText(), "Authorization", token)
          .body());
      if (!media.get("status").asText().equals("pending")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(media.get("status").asText()).isEqualTo("ready");
    String rendition = media.get("renditions").get(0).get("key").asText();
    // A checked image is private until a published item shows it, as the CDN would serve it.
    assertThat(get("/_local/media/" + rendition).statusCode()).isEqualTo(404);
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/admin/news")).header("Authorization", token)
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
            {"translations": {"fr": {"title": "Une image publiée"}},
             "images": [{"mediaId": "%s", "alt": {"fr": "Une image"}}]}""".formatted(
            request.get("mediaId").asText()))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    HttpResponse<String> published = HTTP.send(HttpRequest.newBuilder(uri("/admin/news/"
        + Json.MAPPER.readTree(created.body()).get("id").asText() + "/publish")).header("Authorization", token)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
    HttpResponse<String> served = get("/_local/media/" + rendition);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("content-type")).contains("image/jpeg");
    assertThat(served.headers().firstValue("cache-control")).contains("public, max-age=86400");
    assertThat(get("/_local/media/uploads/" + request.get("mediaId").asText() + ".jpg").statusCode()).isEqualTo(404);
  }

  @Test
  void anApplicationsEmailLandsInTheLocalOutbox() throws Exception {
    String call = Json.MAPPER.readTree(get("/calls?status=open").body()).get("items").get(0).get("slug").asText();
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/calls/" + call + "/applications"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"name\": \"Outbox Test\", \"email\": \"outbox.test@example.org\", \"language\": \"en\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode outbox = Json.MAPPER.readTree(get("/_local/outbox").body()).get("items");
    JsonNode mail = null;
    for (JsonNode item : outbox) {
      if (item.get("to").toString().contains("outbox.test@example.org")) {
        mail = item;
      }
    }
    assertThat(mail).isNotNull();
    // The address is unproven: a fixed text with the code and its link, nothing the visitor typed.
    assertThat(mail.get("subject").asText()).isEqualTo("Confirm your email address");
    assertThat(mail.get("text").asText()).contains(Json.MAPPER.readTree(created.body()).get("applicationId")
        .asText()).containsPattern("#code=[A-Z0-9-]+").doesNotContain("Outbox Test");
    assertThat(get(mail.get("eml").asText()).body()).contains("multipart/alternative");
  }

  @Test
  void everyTemplateRouteReachesAHandlerThatServesItAndNoneAnswers500() throws Exception {
    String token = "Bearer " + server.tokens().issue("admin", null, java.time.Duration.ofMinutes(5), null);
    var routes = org.mediaartscities.local.template.TemplateLoader.load(org.mediaartscities.local.RepoPaths.template())
        .httpRoutes();
    assertThat(routes).hasSizeGreaterThan(40);
    for (var route : routes) {
      String path = route.path().replace("{kind}", "news").replace("{slug}", "lyon")
          .replace("{id}", "00000000-0000-0000-0000-000000000000")
          .replace("{fileId}", "00000000-0000-0000-0000-000000000001")
          .replaceAll("\\{[a-zA-Z]+}", "00000000-0000-0000-0000-000000000001");
      var request = HttpRequest.newBuilder(uri(path)).header("Authorization", token)
          .header("content-type", "application/json")
          .method(route.method(), route.method().equals("GET") || route.method().equals("DELETE")
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
      HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      // The function's router answers "No route for ..." when template.yaml and the handler's table disagree.
      assertThat(response.body()).as(route.routeKey()).doesNotContain("No route for");
      assertThat(response.statusCode()).as(route.routeKey() + " " + response.body()).isLessThan(500);
    }
  }

  private static HttpResponse<String> get(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(uri(path)).GET();
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }
}
