package org.mediaartscities.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.local.lambda.LocalFunctions;
import org.mediaartscities.shared.json.Json;

/**
 * Plays API Gateway's HTTP API in front of the local functions: routes from template.yaml, CORS from its
 * {@code CorsConfiguration}, and API Gateway's own answers for what reaches no function.
 */
final class LocalApiGateway implements HttpHandler {

  private final RouteTable routes;
  private final CorsPolicy cors;
  private final LocalAuthorizer authorizer;
  private final LocalFunctions functions;

  LocalApiGateway(RouteTable routes, CorsPolicy cors, LocalAuthorizer authorizer, LocalFunctions functions) {
    this.routes = routes;
    this.cors = cors;
    this.authorizer = authorizer;
    this.functions = functions;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = ApiGatewayEvents.newRequestId();
    Headers out = exchange.getResponseHeaders();
    out.set("apigw-requestid", requestId);
    try (exchange) {
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      Optional<String> allowedOrigin = cors.allowedOrigin(origin);
      if (isPreflight(exchange)) {
        allowedOrigin.ifPresent(o -> preflightHeaders(out, o));
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      allowedOrigin.ifPresent(o -> {
        out.set("access-control-allow-origin", o);
        if (cors.exposeHeaders() != null) {
          out.set("access-control-expose-headers", cors.exposeHeaders());
        }
        out.add("vary", "origin");
      });
      Optional<RouteTable.Match> match = routes.match(exchange.getRequestMethod(),
          exchange.getRequestURI().getRawPath());
      if (match.isEmpty()) {
        send(exchange, 404, Json.write(Map.of("message", "Not Found")));
        return;
      }
      APIGatewayV2HTTPEvent event = ApiGatewayEvents.from(exchange, match.get(), requestId);
      if (match.get().route().authorizer() != null) {
        LocalAuthorizer.Decision decision = authorizer.check(match.get().route(),
            exchange.getRequestHeaders().getFirst("Authorization"));
        if (!decision.allowed()) {
          send(exchange, decision.status(), Json.write(Map.of("message",
              decision.status() == 401 ? "Unauthorized" : "Forbidden")));
          return;
        }
        event.getRequestContext().setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
            .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(decision.claims()).withScopes(decision.scopes()).build())
            .build());
      }
      Object result;
      try {
        result = functions.invoke(match.get().route().functionId(), event);
      } catch (RuntimeException e) {
        // Lambda reports an unhandled exception as a function error; API Gateway turns it into this 500.
        System.err.println("Function " + match.get().route().functionId() + " failed: " + e);
        e.printStackTrace();
        send(exchange, 500, Json.write(Map.of("message", "Internal Server Error")));
        return;
      }
      write(exchange, result);
    }
  }

  private boolean isPreflight(HttpExchange exchange) {
    return exchange.getRequestMethod().equals("OPTIONS")
        && exchange.getRequestHeaders().containsKey("Access-Control-Request-Method")
        && routes.match("OPTIONS", exchange.getRequestURI().getRawPath()).isEmpty();
  }

  private void preflightHeaders(Headers out, String origin) {
    out.set("access-control-allow-origin", origin);
    if (cors.methods() != null) {
      out.set("access-control-allow-methods", cors.methods());
    }
    if (cors.headers() != null) {
      out.set("access-control-allow-headers", cors.headers());
    }
    if (cors.maxAge() != null) {
      out.set("access-control-max-age", cors.maxAge());
    }
    out.add("vary", "origin");
  }

  private static void write(HttpExchange exchange, Object result) throws IOException {
    if (!(result instanceof APIGatewayV2HTTPResponse response)) {
      // Payload 2.0: anything but a response object is a 200 whose body is that value as JSON.
      exchange.getResponseHeaders().set("content-type", "application/json");
      send(exchange, 200, result instanceof String s ? s : Json.write(result));
      return;
    }
    Headers out = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(out::set);
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(cookie -> out.add("set-cookie", cookie));
    }
    String body = response.getBody() == null ? "" : response.getBody();
    byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body)
        : body.getBytes(StandardCharsets.UTF_8);
    sendBytes(exchange, response.getStatusCode(), bytes);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("content-type", "application/json");
    sendBytes(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
    if (!noBody && body.length > 0) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
  }
}
