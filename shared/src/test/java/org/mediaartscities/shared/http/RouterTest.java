package org.mediaartscities.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  private final List<String> logged = new ArrayList<>();
  private final Router router = new Router(Map.of(
      "GET /ok", request -> ApiResponse.json(Map.of("ok", true), "no-cache"),
      "GET /bad", request -> {
        throw ApiException.invalid("limit", "Bad limit.");
      },
      "GET /boom", request -> {
        throw new IllegalStateException("secret internal detail");
      }));

  @Test
  void aDomainErrorBecomesItsStatusWithTheFieldAndRequestId() {
    APIGatewayV2HTTPResponse response = router.handle(event("GET /bad"), context());

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(response.getBody()).contains("\"field\":\"limit\"").contains("\"requestId\":\"req-1\"");
    assertThat(response.getHeaders()).containsEntry("x-request-id", "req-1");
  }

  @Test
  void anUnexpectedErrorIsA500WithoutDetailButLogged() {
    APIGatewayV2HTTPResponse response = router.handle(event("GET /boom"), context());

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(response.getBody()).doesNotContain("secret internal detail").contains("req-1");
    assertThat(logged).anyMatch(line -> line.contains("secret internal detail") && line.contains("req-1"));
  }

  @Test
  void anUnknownRouteIsA404() {
    assertThat(router.handle(event("GET /nope"), context()).getStatusCode()).isEqualTo(404);
  }

  @Test
  void theLambdaRequestIdStandsInWhenApiGatewayGaveNone() {
    var event = event("GET /ok");
    event.setRequestContext(null);
    assertThat(router.handle(event, context()).getHeaders()).containsEntry("x-request-id", "lambda-1");
  }

  private static APIGatewayV2HTTPEvent event(String routeKey) {
    return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build()).build();
  }

  private Context context() {
    LambdaLogger logger = new LambdaLogger() {
      @Override
      public void log(String message) {
        logged.add(message);
      }

      @Override
      public void log(byte[] message) {
        logged.add(new String(message));
      }
    };
    return new Context() {
      public String getAwsRequestId() {
        return "lambda-1";
      }

      public String getLogGroupName() {
        return null;
      }

      public String getLogStreamName() {
        return null;
      }

      public String getFunctionName() {
        return "test";
      }

      public String getFunctionVersion() {
        return null;
      }

      public String getInvokedFunctionArn() {
        return null;
      }

      public CognitoIdentity getIdentity() {
        return null;
      }

      public ClientContext getClientContext() {
        return null;
      }

      public int getRemainingTimeInMillis() {
        return 1000;
      }

      public int getMemoryLimitInMB() {
        return 512;
      }

      public LambdaLogger getLogger() {
        return logger;
      }
    };
  }
}
