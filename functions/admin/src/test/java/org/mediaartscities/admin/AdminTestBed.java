package org.mediaartscities.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.lambda.ApiEvents;
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

  static Map<String, String> editor(String city) {
    return ApiEvents.editor(city);
  }

  static Map<String, String> admin() {
    return ApiEvents.admin();
  }

  static Map<String, String> reviewer() {
    return ApiEvents.reviewer();
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
    return ApiEvents.request(claims, routeKey, path, body, headers);
  }

  /** A sample event from events/admin/, as {@code sam local invoke -e} would send it. */
  static APIGatewayV2HTTPEvent fixture(String name) {
    return EventLoader.loadApiGatewayHttpEvent(RepoPaths.events().resolve("admin/" + name + ".json").toString());
  }

  /** The sample event, aimed at the item {@code id} (the samples name a placeholder id). */
  static APIGatewayV2HTTPEvent fixture(String name, String id) {
    APIGatewayV2HTTPEvent event = fixture(name);
    String placeholder = event.getPathParameters().get("id");
    var parameters = new HashMap<>(event.getPathParameters());
    parameters.put("id", id);
    event.setPathParameters(parameters);
    event.setRawPath(event.getRawPath().replace(placeholder, id));
    event.getRequestContext().getHttp().setPath(event.getRawPath());
    return event;
  }

  /** AdminFunction as Lambda builds it, but on {@code clock}: tests move time instead of waiting for it. */
  AdminHandler adminAt(InstantSource clock) {
    AdminConfig config = ScopedValue.where(Env.SCOPED, deployment.functions().environment("AdminFunction"))
        .call(AdminConfig::fromEnvironment);
    return new AdminHandler(config.withClock(clock));
  }

  static APIGatewayV2HTTPResponse invoke(AdminHandler handler, APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, new LocalContext("AdminFunction", UUID.randomUUID().toString(), 10, 1024));
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + response.getBody(), e);
    }
  }

  /** A reviewer whose token carries {@code email}, verified by Cognito. */
  static Map<String, String> juror(String email) {
    return Map.of("sub", "reviewer-" + email, "cognito:groups", "[reviewers]", "email", email, "email_verified",
        "true");
  }

  /** Creates a draft call of {@code city} (null: the network, as an admin), written in French; returns its id. */
  String call(String city, String slug) {
    String body = """
        {"slug": "%s", "translations": {"fr": {"title": "Appel %s"}, "en": {"title": "Call %s"}},
         "tags": ["residency"], "opensAt": "2026-12-01T09:00:00+01:00", "closesAt": "2027-01-15T23:59:00+01:00",
         "timeZone": "Europe/Paris"}""".formatted(slug, slug, slug);
    APIGatewayV2HTTPResponse created = admin(city == null ? admin() : editor(city), "POST /admin/{kind}",
        "/admin/calls", body);
    if (created.getStatusCode() != 201) {
      throw new IllegalStateException("Call not created: " + created.getBody());
    }
    return json(created).get("id").asText();
  }

  /** A valid form whose labels are in French (the test calls' original language), with every kind of limit. */
  static final String FORM = """
      {"fields": [
         {"id": "name", "type": "short-text", "required": true, "label": {"fr": "Nom", "en": "Name"}},
         {"id": "statement", "type": "long-text", "required": true, "minWords": 20, "maxWords": 500,
          "label": {"fr": "Note d'intention", "en": "Statement"}, "help": {"fr": "Entre 20 et 500 mots."}},
         {"id": "portfolio", "type": "file", "fileTypes": ["application/pdf", "image/jpeg"],
          "maxFileBytes": 20971520, "maxFiles": 2, "label": {"fr": "Portfolio"}},
         {"id": "discipline", "type": "single-choice", "required": true, "label": {"fr": "Discipline"},
          "choices": [{"value": "sound", "label": {"fr": "Son", "en": "Sound"}},
                      {"value": "light", "label": {"fr": "Lumière"}}]},
         {"id": "consent", "type": "consent", "required": true, "label": {"fr": "J'accepte."}}],
       "criteria": [{"id": "quality", "name": {"fr": "Qualité"}, "weight": 0.6, "scale": 5},
                    {"id": "feasibility", "name": {"fr": "Faisabilité"}, "weight": 0.4, "scale": 10}],
       "onePerEmail": true, "maxTeamMembers": 2, "blindReview": true}""";

  /** A news item's body in French and English. */
  static String news(String city, String titleFr, String titleEn) {
    return """
        {%s"translations": {"fr": {"title": "%s", "summary": "Résumé", "body": "Texte **gras**"},
                            "en": {"title": "%s", "summary": "Summary"}},
         "tags": ["festival"]}""".formatted(city == null ? "" : "\"city\": \"" + city + "\", ", titleFr, titleEn);
  }
}
