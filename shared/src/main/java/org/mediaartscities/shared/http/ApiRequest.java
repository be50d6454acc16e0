package org.mediaartscities.shared.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event a handler reads, with null-safe accessors.
 *
 * @param routeKey the matched route, e.g. {@code GET /news/{slug}}
 * @param requestId API Gateway's request id, the one the caller sees
 * @param headers header names lower-cased, as API Gateway sends them
 * @param body the request body as text (decoded from base64 when API Gateway encoded it), or null
 * @param claims the JWT claims API Gateway's authorizer verified, empty on public routes; array claims arrive as
 *     {@code "[a b]"}
 */
public record ApiRequest(
    String routeKey,
    String requestId,
    Map<String, String> headers,
    Map<String, String> queryParameters,
    Map<String, String> pathParameters,
    String body,
    Map<String, String> claims) {

  /** Reads an event; the request id falls back to the Lambda invocation's when API Gateway gave none. */
  public static ApiRequest from(APIGatewayV2HTTPEvent event, String fallbackRequestId) {
    var context = event.getRequestContext();
    String requestId = context != null && context.getRequestId() != null ? context.getRequestId() : fallbackRequestId;
    return new ApiRequest(
        event.getRouteKey() == null ? "" : event.getRouteKey(),
        requestId,
        lowerCaseKeys(event.getHeaders()),
        event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters(),
        event.getPathParameters() == null ? Map.of() : event.getPathParameters(),
        body(event),
        claims(event));
  }

  /** A query parameter; an empty value counts as absent. */
  public Optional<String> query(String name) {
    return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isEmpty());
  }

  /**
   * A whole-number query parameter from 1 to {@code max}, or {@code absent} when it is not given; a 400 naming it
   * otherwise (a page size, for one).
   */
  public int wholeNumber(String name, int absent, int max) {
    Optional<String> raw = query(name);
    if (raw.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(raw.get());
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the same message as an out-of-range number
    }
    throw ApiException.invalid(name, "'" + name + "' must be a whole number from 1 to " + max + ".");
  }

  /** A header by case-insensitive name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
  }

  /** A path parameter the route declares; its absence is a routing error, not the caller's. */
  public String path(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("Route " + routeKey + " has no path parameter " + name);
    }
    return value;
  }

  private static String body(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null || !event.getIsBase64Encoded()) {
      return body;
    }
    try {
      return new String(java.util.Base64.getDecoder().decode(body), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("body", "The request body is not valid base64.");
    }
  }

  private static Map<String, String> claims(APIGatewayV2HTTPEvent event) {
    var context = event.getRequestContext();
    if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
        || context.getAuthorizer().getJwt().getClaims() == null) {
      return Map.of();
    }
    return context.getAuthorizer().getJwt().getClaims();
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
    if (headers == null) {
      return Map.of();
    }
    var lower = new java.util.HashMap<String, String>();
    headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    return lower;
  }
}
