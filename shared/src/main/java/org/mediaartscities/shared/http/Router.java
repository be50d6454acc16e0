package org.mediaartscities.shared.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.store.StoreConflictException;

/**
 * Dispatches an HTTP API event to the method serving its {@code routeKey}, and maps every outcome to a response:
 * {@link ApiException} to its 4xx, a lost conditional write ({@link StoreConflictException}) to 409, anything
 * unexpected to a 500 whose body carries only the request id.
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
    var requestContext = event.getRequestContext();
    String requestId = requestContext != null && requestContext.getRequestId() != null
        ? requestContext.getRequestId() : context.getAwsRequestId();
    String routeKey = event.getRouteKey() == null ? "" : event.getRouteKey();
    Route route = routes.get(routeKey);
    ApiResponse response;
    if (route == null) {
      response = ApiResponse.error(404, "not_found", "No route for " + routeKey, null, requestId);
    } else {
      try {
        ApiRequest request = ApiRequest.from(event, context.getAwsRequestId());
        response = route.handle(request);
        if (routeKey.startsWith("GET ")) {
          response = response.conditional(request.header("if-none-match").orElse(null));
        }
      } catch (ApiException e) {
        response = ApiResponse.error(e.status(), e.code(), e.getMessage(), e.field(), requestId);
      } catch (StoreConflictException e) {
        response = ApiResponse.error(409, "conflict", "This was changed at the same time elsewhere; reload it and"
            + " try again.", null, requestId);
      } catch (RuntimeException e) {
        Logs.error(context, "Unhandled error on " + routeKey + " (request " + requestId + ")", e);
        response = ApiResponse.error(500, "internal_error", "Something went wrong on our side. Quote the request id"
            + " if you report it.", null, requestId);
      }
    }
    return response.withHeader("x-request-id", requestId).toEvent();
  }
}
