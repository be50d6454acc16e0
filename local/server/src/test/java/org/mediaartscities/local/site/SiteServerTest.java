package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mediaartscities.local.RepoPaths;

/** The site's listener on its own, in front of a stand-in API that echoes what it receives. */
class SiteServerTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static HttpServer echoApi;
  private static SiteServer site;

  @BeforeAll
  static void start() throws IOException {
    echoApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    echoApi.createContext("/", exchange -> {
      byte[] body = ("%s %s %s %s".formatted(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestURI().getRawQuery(), new String(exchange.getRequestBody().readAllBytes(),
              StandardCharsets.UTF_8)) + " token=" + exchange.getRequestHeaders().getFirst("X-Application-Token"))
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain");
      exchange.getResponseHeaders().set("ETag", "\"7\"");
      exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    echoApi.start();
    var web = RepoPaths.root().resolve("web");
    site = SiteServer.start(0, web, echoApi.getAddress().getPort(), SiteHeaders.load(
        web.resolve("security-headers.json"), Map.of("MediaOrigin", "https://media.example", "UploadOrigins",
            "https://uploads.example", "SignInOrigin", "https://sign-in.example")));
  }

  @AfterAll
  static void stop() {
    site.close();
    echoApi.stop(0);
  }

  @ParameterizedTest
  @CsvSource({
      "/, index.html, text/html; charset=utf-8",
      "/css/site.css, css/site.css, text/css; charset=utf-8",
      "/js/api.js, js/api.js, text/javascript; charset=utf-8",
      "/i18n/fr.json, i18n/fr.json, application/json; charset=utf-8",
      "/favicon.svg, favicon.svg, image/svg+xml",
      "/newsletter/, newsletter/index.html, text/html; charset=utf-8"})
  void servesFilesWithTheirContentType(String path, String file, String type) throws Exception {
    HttpResponse<byte[]> response = get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).contains(type);
    assertThat(response.body()).isEqualTo(Files.readAllBytes(RepoPaths.root().resolve("web").resolve(file)));
  }

  @ParameterizedTest
  @CsvSource({
      "/calls/lyon-light-residency/apply, apply.html",
      "/news/, list.html",
      "/city-to-city/, list.html",
      "/events/austin-creative-coding-meetup, item.html",
      "/cities/tel-aviv, city.html",
      "/newsletter/confirm, newsletter/confirm.html",
      "/newsletter/unsubscribe, newsletter/unsubscribe.html"})
  void mapsPageRoutesToTheirFile(String path, String file) throws Exception {
    HttpResponse<byte[]> response = get(path);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(Files.readAllBytes(RepoPaths.root().resolve("web").resolve(file)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/no-such-page", "/calls/Upper-Case/apply", "/calls/a/b/apply", "/js/none.js",
      "/.hidden", "/news/x/y"})
  void answersTheNotFoundPageWithA404(String path) throws Exception {
    HttpResponse<byte[]> response = get(path);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("Page not found");
    assertThat(response.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
  }

  @Test
  void redirectsAFolderWithoutItsSlash() throws Exception {
    HttpResponse<byte[]> response = get("/newsletter");

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("location")).contains("/newsletter/");
  }

  // Sent raw, as an attacker would: HTTP libraries normalise such paths before they leave.
  @ParameterizedTest
  @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/css/..%2f..%2fpom.xml", "/%2e%2e%2fpom.xml",
      "/..%5cpom.xml", "/css/%2e%2e/%2e%2e/template.yaml", "/..", "//etc/passwd", "/%00index.html",
      "/css/../../pom.xml"})
  void neverServesAFileOutsideTheWebFolder(String target) throws Exception {
    String answer = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 404");
    assertThat(answer).doesNotContain("<modelVersion>").doesNotContain("AWSTemplateFormatVersion")
        .doesNotContain("root:x:");
  }

  @Test
  void sendsTheSecurityHeadersOfTheSharedFileOnPagesAndApiAnswers() throws Exception {
    for (String path : new String[] {"/", "/js/apply.js", "/no-such-page", "/api/news"}) {
      HttpResponse<byte[]> response = get(path);
      assertThat(response.headers().firstValue("content-security-policy")).as(path)
          .contains("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: "
              + "https://media.example; connect-src 'self' https://uploads.example https://sign-in.example; font-src 'self'; "
              + "manifest-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'");
      assertThat(response.headers().firstValue("x-content-type-options")).as(path).contains("nosniff");
      assertThat(response.headers().firstValue("referrer-policy")).as(path).contains("no-referrer");
      assertThat(response.headers().firstValue("permissions-policy")).as(path).get().asString()
          .contains("camera=()");
    }
  }

  @Test
  void relaysTheApiWithoutItsPrefixWithQueryHeadersAndBody() throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/api/applications/a1?lang=fr&x=%C3%A9")))
        .PUT(HttpRequest.BodyPublishers.ofString("{\"answers\":{}}")).header("X-Application-Token", "t0k")
        .build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("PUT /applications/a1 lang=fr&x=%C3%A9 {\"answers\":{}} token=t0k");
    assertThat(response.headers().firstValue("etag")).contains("\"7\"");
  }

  @Test
  void relaysTheApisOwnStatus() throws Exception {
    assertThat(get("/api/missing").statusCode()).isEqualTo(404);
  }

  @Test
  void refusesRequestsAddressedToAnotherHostName() throws Exception {
    // A DNS-rebinding page: this port, under its own name; through /api/ it would reach /_local/token.
    String answer = raw("GET /api/_local/token?role=admin HTTP/1.1\r\nHost: rebind.evil.example:"
        + site.port() + "\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 403");
    assertThat(answer).doesNotContain("GET /_local/token");
  }

  @Test
  void refusesWritesToStaticFiles() throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/index.html")))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("allow")).contains("GET, HEAD");
  }

  @Test
  void gzipsTextForClientsThatAcceptIt() throws Exception {
    HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url("/js/apply.js")))
        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("content-encoding")).contains("gzip");
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(RepoPaths.root().resolve("web/js/apply.js")));
    }
  }

  @ParameterizedTest
  @CsvSource({"localhost:3001, true", "127.0.0.1, true", "[::1]:3001, true", "LOCALHOST, true",
      "localhost.evil.example, false", "127.0.0.1.evil.example, false", "[::1].evil:80, false", ", false"})
  void knowsLoopbackHostNames(String host, boolean loopback) {
    assertThat(SiteServer.isLoopbackHost(host)).isEqualTo(loopback);
  }

  private static String url(String path) {
    return "http://localhost:" + site.port() + path;
  }

  private static HttpResponse<byte[]> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String raw(String request) throws IOException {
    try (var socket = new Socket(InetAddress.getLoopbackAddress(), site.port())) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
