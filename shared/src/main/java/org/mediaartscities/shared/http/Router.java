package org.mediaartscities.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.mediaartscities.shared.log.Logs;

/**
 * Dispatches an HTTP API event to the method serving its {@code routeKey}, and maps every outcome to a response:
 * {@link ApiException} to its 4xx, anything unexpected to a 500 whose body carries only the request id.
 */
public final class Router {

  /** The method serving one route. */
  @FunctionalInterface
  public interface Route {
    ApiResponse handle(ApiRequest request);
  }

  private final Map<String, Route> routes;

  /** Routes by their API Gateway route key, e.g. {@code "GET /news/{slug}"}, as template.yaml declares them. */
  public Router(Map<String, Route> routes) {
    this.routes = Map.copyOf(routes);
  }

  /** The route keys served, for checks against template.yaml. */
  public java.util.Set<String> routeKeys() {
    return routes.keySet();
  }

  public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
    ApiRequest request = ApiRequest.from(event, context.getAwsRequestId());
    return respond(request, context).withHeader("x-request-id", request.requestId()).toEvent();
  }

  private ApiResponse respond(ApiRequest request, Context context) {
    Route route = routes.get(request.routeKey());
    if (route == null) {
      return ApiResponse.error(404, "not_found", "No route for " + request.routeKey(), null, request.requestId());
    }
    try {
      return route.handle(request).conditional(request.header("if-none-match").orElse(null));
    } catch (ApiException e) {
      return ApiResponse.error(e.status(), e.code(), e.getMessage(), e.field(), request.requestId());
    } catch (RuntimeException e) {
      Logs.error(context, "Unhandled error on " + request.routeKey() + " (request " + request.requestId() + ")", e);
      return ApiResponse.error(500, "internal_error", "Something went wrong on our side. Quote the request id if you"
          + " report it.", null, request.requestId());
    }
  }
}
