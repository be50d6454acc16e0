package org.mediaartscities.local.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API events for tests that invoke a function directly: the route key as template.yaml declares
 * it, the path as a caller sends it, and, for guarded routes, the claims the JWT authorizer would pass.
 */
public final class ApiEvents {

  private ApiEvents() {}

  /**
   * @param claims the verified token's claims, or null for a public route
   * @param headers name, value, name, value...
   */
  public static APIGatewayV2HTTPEvent request(Map<String, String> claims, String routeKey, String path, String body,
      String... headers) {
    var headerMap = new HashMap<String, String>();
    headerMap.put("content-type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      headerMap.put(headers[i].toLowerCase(Locale.ROOT), headers[i + 1]);
    }
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withRequestId(UUID.randomUUID().toString()).withRouteKey(routeKey).withStage("$default")
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(routeKey.split(" ")[0])
            .withPath(path).build());
    if (claims != null) {
      context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
          .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build()).build());
    }
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
        .withHeaders(headerMap).withPathParameters(pathParameters(routeKey, path)).withBody(body)
        .withRequestContext(context.build()).build();
  }

  /** Path parameters by matching the route's {@code {names}} against the path's segments. */
  static Map<String, String> pathParameters(String routeKey, String path) {
    String[] template = routeKey.split(" ")[1].substring(1).split("/");
    String[] actual = path.substring(1).split("/");
    var parameters = new HashMap<String, String>();
    for (int i = 0; i < template.length && i < actual.length; i++) {
      if (template[i].startsWith("{")) {
        parameters.put(template[i].substring(1, template[i].length() - 1), actual[i]);
      }
    }
    return parameters.isEmpty() ? null : parameters;
  }

  /** Claims as API Gateway passes them for a Cognito ID token of an editor. */
  public static Map<String, String> editor(String city) {
    return Map.of("sub", "editor-" + city, "cognito:groups", "[editors]", "custom:city", city);
  }

  public static Map<String, String> admin() {
    return Map.of("sub", "admin-1", "cognito:groups", "[admins]");
  }

  public static Map<String, String> reviewer() {
    return Map.of("sub", "reviewer-1", "cognito:groups", "[reviewers]");
  }
}
