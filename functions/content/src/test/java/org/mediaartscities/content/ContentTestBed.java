package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.content.Kind;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * template.yaml deployed on the JVM's local DynamoDB under the test class's own names, with the content function
 * invoked as Lambda would (its no-argument constructor, its template environment).
 */
final class ContentTestBed {

  final LocalDeployment deployment;
  final ContentStore store;

  ContentTestBed(Class<?> owner) {
    deployment = LocalDeployment.forTests(owner);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    store = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
  }

  APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
    return deployment.functions().invoke("ContentFunction", event);
  }

  /** ContentFunction as Lambda builds it, but on {@code clock}: tests move time instead of waiting for it. */
  APIGatewayV2HTTPResponse invokeAt(InstantSource clock, APIGatewayV2HTTPEvent event) {
    ContentConfig config = ScopedValue.where(Env.SCOPED, deployment.functions().environment("ContentFunction"))
        .call(ContentConfig::fromEnvironment);
    return new ContentHandler(config.withClock(clock)).handleRequest(event, new LocalContext("ContentFunction",
        UUID.randomUUID().toString(), 10, 1024));
  }

  /** An event from events/content/, as {@code sam local invoke -e} would send it. */
  static APIGatewayV2HTTPEvent fixture(String name) {
    return EventLoader.loadApiGatewayHttpEvent(RepoPaths.events().resolve("content/" + name + ".json").toString());
  }

  /** A GET as API Gateway would send it for {@code routeKey}, with query parameters (name, value, ...). */
  static APIGatewayV2HTTPEvent get(String routeKey, String path, String... query) {
    APIGatewayV2HTTPEvent event = fixture("list-news");
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.getRequestContext().setRouteKey(routeKey);
    event.getRequestContext().getHttp().setPath(path);
    var parameters = new HashMap<String, String>();
    for (int i = 0; i < query.length; i += 2) {
      parameters.put(query[i], query[i + 1]);
    }
    event.setQueryStringParameters(parameters.isEmpty() ? null : parameters);
    event.setPathParameters(null);
    event.setHeaders(new HashMap<>(Map.of("host", "api.example.org")));
    return event;
  }

  /** A detail GET: {@code /news/{slug}}. */
  static APIGatewayV2HTTPEvent detail(Kind kind, String slug) {
    APIGatewayV2HTTPEvent event = get("GET /" + kind.path() + "/{slug}", "/" + kind.path() + "/" + slug);
    event.setPathParameters(Map.of("slug", slug));
    return event;
  }

  static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
    var headers = new HashMap<String, String>(event.getHeaders() == null ? Map.of() : event.getHeaders());
    headers.put(name, value);
    event.setHeaders(headers);
    return event;
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.getBody(), e);
    }
  }
}
