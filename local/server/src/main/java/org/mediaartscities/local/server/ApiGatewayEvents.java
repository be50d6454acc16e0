package org.mediaartscities.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the payload-2.0 event API Gateway's HTTP API sends a Lambda integration, from a local request. */
final class ApiGatewayEvents {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiGatewayEvents() {}

  static String newRequestId() {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes).substring(0, 14) + "=";
  }

  static APIGatewayV2HTTPEvent from(HttpExchange exchange, RouteTable.Match match, String requestId)
      throws IOException {
    String method = exchange.getRequestMethod();
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> headers = headers(exchange);
    List<String> cookies = cookies(headers.remove("cookie"));
    byte[] body = exchange.getRequestBody().readAllBytes();
    boolean text = isText(headers.get("content-type"));
    Instant now = Instant.now();

    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
        .withMethod(method)
        .withPath(rawPath)
        .withProtocol(exchange.getProtocol())
        .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
        .withUserAgent(headers.getOrDefault("user-agent", ""))
        .build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId("000000000000")
        .withApiId("local")
        .withDomainName(headers.getOrDefault("host", "localhost"))
        .withDomainPrefix("localhost")
        .withStage("$default")
        .withRouteKey(match.route().routeKey())
        .withRequestId(requestId)
        .withTime(REQUEST_TIME.format(now))
        .withTimeEpoch(now.toEpochMilli())
        .withHttp(http)
        .build();
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(match.route().routeKey())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery == null ? "" : rawQuery)
        .withCookies(cookies.isEmpty() ? null : cookies)
        .withHeaders(headers)
        .withQueryStringParameters(query(rawQuery))
        .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
        .withBody(body.length == 0 ? null
            : text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .withRequestContext(context)
        .build();
  }

  /** Header names lower-cased; repeated headers joined with commas, as API Gateway does. */
  private static Map<String, String> headers(HttpExchange exchange) {
    var headers = new LinkedHashMap<String, String>();
    exchange.getRequestHeaders().forEach((name, values) ->
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    return headers;
  }

  private static List<String> cookies(String header) {
    var cookies = new ArrayList<String>();
    if (header != null) {
      for (String cookie : header.split(";")) {
        if (!cookie.isBlank()) {
          cookies.add(cookie.strip());
        }
      }
    }
    return cookies;
  }

  /** Decoded parameters; a repeated one becomes its values joined with commas. Null when there are none. */
  private static Map<String, String> query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    var parameters = new LinkedHashMap<String, String>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value; // API Gateway passes malformed escapes through; the handler validates the value
    }
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.contains("x-www-form-urlencoded") || type.contains("charset=");
  }
}
