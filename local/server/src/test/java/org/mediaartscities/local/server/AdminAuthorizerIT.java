package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.auth.LocalIssuer;
import org.mediaartscities.local.auth.LocalTokens;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * The JWT authorizer, as the dev server plays it from template.yaml, over HTTP: for every route that names an
 * authorizer, a missing, expired, forged or wrong-audience token is answered 401 by the gateway, the function never
 * runs, and nothing changes.
 */
class AdminAuthorizerIT {

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

  static Stream<Arguments> guardedRoutesAndBadTokens() {
    List<Template.HttpRoute> guarded = TemplateLoader.load(RepoPaths.template()).httpRoutes().stream()
        .filter(route -> route.authorizer() != null).toList();
    assertThat(guarded).hasSizeGreaterThanOrEqualTo(12);
    LocalTokens good = server.tokens();
    var forger = new LocalTokens(LocalIssuer.load(null), good.issuerUrl(), good.audience());
    var otherApp = new LocalTokens(server.tokens().issuer(), good.issuerUrl(), "another-app-client");
    var otherPool = new LocalTokens(server.tokens().issuer(), "https://cognito-idp.eu-west-3.amazonaws.com/other",
        good.audience());
    Map<String, String> tokens = Map.of(
        "no token", "",
        "garbage", "Bearer not.a.jwt",
        "expired", "Bearer " + good.issue("admin", null, Duration.ofSeconds(-30), null),
        "bad signature", "Bearer " + forger.issue("admin", null, Duration.ofHours(1), null),
        "wrong audience", "Bearer " + otherApp.issue("admin", null, Duration.ofHours(1), null),
        "wrong issuer", "Bearer " + otherPool.issue("admin", null, Duration.ofHours(1), null));
    return guarded.stream().flatMap(route -> tokens.entrySet().stream()
        .map(token -> Arguments.of(route.routeKey(), token.getKey(), token.getValue())));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("guardedRoutesAndBadTokens")
  void isRefusedByTheGatewayWithout(String routeKey, String what, String authorization) throws Exception {
    String before = adminList();
    String[] parts = routeKey.split(" ");
    String path = parts[1].replace("{kind}", "news").replace("{id}", "00000000-0000-0000-0000-000000000000")
        .replace("{slug}", "lyon")
        .replaceAll("\\{[a-zA-Z]+}", "00000000-0000-0000-0000-000000000001");
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
        .method(parts[0], parts[0].equals("GET") || parts[0].equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString("{\"translations\": {\"en\": {\"title\": \"x\"}}}"))
        .header("content-type", "application/json");
    if (!authorization.isEmpty()) {
      request.header("Authorization", authorization);
    }

    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    assertThat(adminList()).isEqualTo(before);
  }

  @Test
  void aValidTokenReachesTheFunctionWithItsClaims() throws Exception {
    String token = server.tokens().issue("editor", "lyon", Duration.ofMinutes(5), null);
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
            + "/admin/news")).header("Authorization", "Bearer " + token).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"translations\": {\"fr\": {\"title\": \"Jeton valide\"}}}"))
        .build(), HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"city\":\"lyon\"");
  }

  @Test
  void devTokenEndpointIssuesTokensThatWork() throws Exception {
    HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
        + "/_local/token?role=admin")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).isEqualTo(200);

    HttpResponse<String> list = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
        + "/admin/news")).header("Authorization", "Bearer " + token.body().strip()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(list.statusCode()).isEqualTo(200);

    HttpResponse<String> bad = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
        + "/_local/token?role=editor")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("city");
  }

  private static String adminList() throws Exception {
    String token = server.tokens().issue("admin", null, Duration.ofMinutes(5), null);
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/admin/news?limit=100"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
  }
}
