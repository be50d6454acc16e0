package org.mediaartscities.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mediaartscities.content.ContentRepository;
import org.mediaartscities.content.ContentRow;
import org.mediaartscities.content.ContentStore;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * template.yaml deployed locally for one test class; AdminFunction and ContentFunction invoked as Lambda would,
 * with the claims API Gateway's authorizer would pass (the authorizer itself is tested over HTTP, in DevServerIT
 * and AdminAuthorizerIT).
 */
final class AdminTestBed {

  final LocalDeployment deployment;
  final ContentStore store;
  final ContentRepository repository;

  AdminTestBed(Class<?> owner) {
    deployment = LocalDeployment.forTests(owner);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    var table = client.table(deployment.name("ContentTable"), ContentRow.SCHEMA);
    store = new ContentStore(client, table);
    repository = new ContentRepository(table);
  }

  /** Claims as API Gateway passes them for a Cognito ID token. */
  static Map<String, String> editor(String city) {
    return Map.of("sub", "editor-" + city, "cognito:groups", "[editors]", "custom:city", city);
  }

  static Map<String, String> admin() {
    return Map.of("sub", "admin-1", "cognito:groups", "[admins]");
  }

  static Map<String, String> reviewer() {
    return Map.of("sub", "reviewer-1", "cognito:groups", "[reviewers]");
  }

  /** Calls AdminFunction: {@code routeKey} as template.yaml declares it, {@code path} as the caller sent it. */
  APIGatewayV2HTTPResponse admin(Map<String, String> claims, String routeKey, String path, String body,
      String... headers) {
    return deployment.functions().invoke("AdminFunction", event(claims, routeKey, path, body, headers));
  }

  /** Calls ContentFunction (the public API). */
  APIGatewayV2HTTPResponse publicApi(String routeKey, String path, String... query) {
    APIGatewayV2HTTPEvent event = event(null, routeKey, path, null);
    var parameters = new HashMap<String, String>();
    for (int i = 0; i < query.length; i += 2) {
      parameters.put(query[i], query[i + 1]);
    }
    event.setQueryStringParameters(parameters.isEmpty() ? null : parameters);
    return deployment.functions().invoke("ContentFunction", event);
  }

  static APIGatewayV2HTTPEvent event(Map<String, String> claims, String routeKey, String path, String body,
      String... headers) {
    var headerMap = new HashMap<String, String>();
    headerMap.put("content-type", "application/json");
    for (int i = 0; i < headers.length; i += 2) {
      headerMap.put(headers[i].toLowerCase(), headers[i + 1]);
    }
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withRequestId(UUID.randomUUID().toString()).withRouteKey(routeKey)
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

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.getBody(), e);
    }
  }

  /** A news item's body in French and English. */
  static String news(String city, String titleFr, String titleEn) {
    return """
        {%s"translations": {"fr": {"title": "%s", "summary": "Résumé", "body": "Texte **gras**"},
                            "en": {"title": "%s", "summary": "Summary"}},
         "tags": ["festival"]}""".formatted(city == null ? "" : "\"city\": \"" + city + "\", ", titleFr, titleEn);
  }
}
