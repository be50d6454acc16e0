package org.mediaartscities.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.shared.digest.Sha256;
import org.mediaartscities.shared.json.Json;

/**
 * A response a handler returns; {@link #toEvent} turns it into what API Gateway expects.
 *
 * @param headers extra headers (Content-Type, Cache-Control, Vary...), in the order given
 */
public record ApiResponse(int status, String body, Map<String, String> headers) {

  public static final String JSON = "application/json; charset=utf-8";

  /** 200 with a JSON body and the given Cache-Control. */
  public static ApiResponse json(Object value, String cacheControl) {
    return ok(Json.writeForPages(value), JSON, cacheControl);
  }

  /** 200 with a text body of the given content type. */
  public static ApiResponse ok(String body, String contentType, String cacheControl) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("content-type", contentType);
    headers.put("cache-control", cacheControl);
    return new ApiResponse(200, body, headers);
  }

  /** The error body every function uses: {@code {"error": {"code", "message", "field"?, "requestId"}}}. */
  public static ApiResponse error(int status, String code, String message, String field, String requestId) {
    var error = new LinkedHashMap<String, Object>();
    error.put("code", code);
    error.put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    error.put("requestId", requestId);
    var headers = new LinkedHashMap<String, String>();
    headers.put("content-type", JSON);
    headers.put("cache-control", "no-store");
    return new ApiResponse(status, Json.write(Map.of("error", error)), headers);
  }

  /** A copy with another status. */
  public ApiResponse withStatus(int newStatus) {
    return new ApiResponse(newStatus, body, headers);
  }

  /** A copy with one more header. */
  public ApiResponse withHeader(String name, String value) {
    var copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiResponse(status, body, copy);
  }

  /**
   * Adds a strong ETag over the body (unless the handler set one, e.g. a version), and answers 304 without a body when the caller already holds it.
   *
   * @param ifNoneMatch the request's If-None-Match header, or null
   */
  public ApiResponse conditional(String ifNoneMatch) {
    if (status != 200) {
      return this;
    }
    // A handler's own ETag (a version) spares hashing the body.
    String etag = headers.containsKey("etag") ? headers.get("etag") : etagOf(body);
    ApiResponse tagged = withHeader("etag", etag);
    if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
      var headers304 = new LinkedHashMap<>(tagged.headers);
      headers304.remove("content-type");
      return new ApiResponse(304, "", headers304);
    }
    return tagged;
  }

  /** The event API Gateway turns into the HTTP response. */
  public APIGatewayV2HTTPResponse toEvent() {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(status)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .build();
  }

  static String etagOf(String body) {
    byte[] digest = Sha256.of(body);
    return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
  }

  // RFC 9110 13.1.2: weak comparison, a list of tags, or "*".
  private static boolean matches(String ifNoneMatch, String etag) {
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
        return true;
      }
    }
    return false;
  }
}
