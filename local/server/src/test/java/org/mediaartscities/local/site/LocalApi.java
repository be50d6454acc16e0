package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.shared.json.Json;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The journeys' own client of the dev server's API, to prepare what a page then shows and to read back what it
 * stored, as any client would; and of its local endpoints (tokens of the local issuer, the outbox of sent emails).
 * Tokens are passed bare: null sends no Authorization header.
 */
final class LocalApi {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration MAIL_WAIT = Duration.ofSeconds(10);

  private final String api;
  private final String site;

  LocalApi(String apiBase, String siteBase) {
    this.api = apiBase;
    this.site = siteBase;
  }

  /** An answer: its status, headers and body. */
  record Response(int status, HttpHeaders headers, byte[] bytes) {

    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return Json.MAPPER.readTree(bytes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A token of the local issuer, as {@code ./dev token} prints it; city and email may be null. */
  String token(String role, String city, String email) {
    String query = "role=" + encode(role) + (city == null ? "" : "&city=" + encode(city))
        + (email == null ? "" : "&email=" + encode(email));
    String path = "/_local/token?" + query;
    return ok("GET", path, get(path, null)).body().strip();
  }

  /** A GET of the API, whatever its answer. */
  Response get(String path, String token) {
    return request("GET", path, token, Map.of(), null);
  }

  /** A GET of the API that must answer 200, its JSON body. */
  JsonNode json(String path, String token) {
    return ok("GET", path, get(path, token)).json();
  }

  /** The stored item of a kind (news, events, calls…), as its editor reads it: it must exist. */
  JsonNode stored(String kind, String id, String token) {
    return json("/admin/" + kind + "/" + id, token);
  }

  /** The ETag of what the API answers at that path, to send back as If-Match. */
  String etag(String path, String token) {
    return get(path, token).headers().firstValue("etag").orElseThrow();
  }

  /** A JSON body sent (or none, when null) that the API must accept, with If-Match when not null: its answer. */
  JsonNode send(String method, String path, String token, String body, String ifMatch) {
    var headers = ifMatch == null ? Map.of("content-type", "application/json")
        : Map.of("content-type", "application/json", "If-Match", ifMatch);
    Response response = request(method, path, token, headers, body);
    assertThat(response.status()).as(method + " " + path + ": " + response.body()).isBetween(200, 202);
    return response.bytes().length == 0 ? Json.MAPPER.missingNode() : response.json();
  }

  JsonNode post(String path, String token, String body) {
    return send("POST", path, token, body, null);
  }

  /** A request of the API with headers of its own (an application's or a subscriber's token), whatever its answer. */
  Response request(String method, String path, String token, Map<String, String> headers, String body) {
    var request = HttpRequest.newBuilder(URI.create(api + path)).method(method,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return exchange(request);
  }

  /** A file PUT to a presigned upload address, as the browser sends it. */
  void upload(String url, String contentType, Path file) {
    try {
      exchange(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
          .PUT(HttpRequest.BodyPublishers.ofFile(file)));
    } catch (java.io.FileNotFoundException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Any request, to an address of its own (a presigned one, a download), whatever its answer. */
  Response exchange(HttpRequest.Builder request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The emails the dev server has sent, newest first: {@code {"items": [{"to", "subject", "text"}, …]}}. */
  JsonNode outbox() {
    return json("/_local/outbox", null);
  }

  /** The code mailed to that address (the part after {@code #code=} of its link), waited for. */
  String codeIn(String to) {
    return mailed(to, Pattern.compile("#code=([A-Za-z0-9-]+)"), 1);
  }

  /** The newest link to the site holding {@code marker} in an email to that address, waited for. */
  String linkIn(String to, String marker) {
    return mailed(to, Pattern.compile(Pattern.quote(site) + "\\S*" + Pattern.quote(marker) + "[A-Za-z0-9_.-]+"), 0);
  }

  /** Mail is sent after the answer that causes it: the outbox is read again until such an email is there. */
  private String mailed(String to, Pattern pattern, int group) {
    return new FluentWait<>(this).withTimeout(MAIL_WAIT).pollingEvery(Duration.ofMillis(100))
        .withMessage(() -> "no email to " + to + " matching " + pattern).until(api -> {
          for (JsonNode email : api.outbox().get("items")) {
            Matcher matcher = pattern.matcher(email.get("text").asText());
            if (email.get("to").toString().contains(to) && matcher.find()) {
              return matcher.group(group);
            }
          }
          return null;
        });
  }

  private static Response ok(String method, String path, Response response) {
    assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    return response;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
