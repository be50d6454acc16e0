package org.mediaartscities.local.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentKeys;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The warm-path benchmark's five requests, one read route per API function, with what they read created through the
 * handlers themselves (an application, a confirmed subscriber), as a visitor would. Each raw request list is what the
 * handler's code sends for that route (its stores' getItem/query calls, read off their code): keys, consistency and
 * key conditions alike.
 */
final class WarmPathTargets {

  /** Parses events as {@link ColdStartProbe} does: the runtime's field names, unknown ones skipped. */
  static final ObjectMapper EVENTS = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private static final String NEWS_SLUG = "lyon-light-and-data-residencies";
  private static final String OPEN_CALL_SLUG = "modena-public-projection-commission";
  private static final Pattern CONFIRM_TOKEN = Pattern.compile("confirm#token=([A-Za-z0-9._~-]+)");
  private static final AtomicLong INVOCATIONS = new AtomicLong();

  private final LocalDeployment deployment;
  private final Path events;

  private WarmPathTargets(LocalDeployment deployment, Path root) {
    this.deployment = deployment;
    this.events = root.resolve("events");
  }

  /** Every target, in the order of the cold-start benchmark; the sample data must be seeded. */
  static List<WarmPathTarget> all(LocalDeployment deployment, Path root) {
    var targets = new WarmPathTargets(deployment, root);
    return List.of(targets.content(), targets.admin(), targets.applications(), targets.selection(),
        targets.newsletter());
  }

  /** A public news item: its slug row, then the item it points to (ContentRepository.publicItem). */
  private WarmPathTarget content() {
    String function = "ContentFunction";
    String table = deployment.name("ContentTable");
    String id = idOf(Kind.NEWS, NEWS_SLUG);
    byte[] event = event("content/get-news.json", "GET /news/{slug}", "/news/" + NEWS_SLUG, Map.of("slug", NEWS_SLUG),
        Map.of(), null, null);
    return target(function, "GET /news/{slug}", event, List.of(
        get(table, ContentKeys.slugPk(Kind.NEWS, NEWS_SLUG), ContentKeys.SLUG_SK, false),
        get(table, ContentKeys.itemPk(id), ContentKeys.ITEM_SK, false)));
  }

  /** An item as its city's editor opens it to edit: one GetItem (ContentRepository.editorialItem). */
  private WarmPathTarget admin() {
    String id = idOf(Kind.NEWS, NEWS_SLUG);
    byte[] event = event("admin/get-call-form.json", "GET /admin/{kind}/{id}", "/admin/news/" + id,
        Map.of("kind", "news", "id", id), Map.of(), null, null); // the sample's claims: editor-lyon
    return target("AdminFunction", "GET /admin/{kind}/{id}", event, List.of(
        get(deployment.name("ContentTable"), ContentKeys.itemPk(id), ContentKeys.ITEM_SK, false)));
  }

  /**
   * An applicant reopening their draft with its token: the application (strongly consistent), then its files
   * (ApplicationStore.get, ApplicationFileStore.of).
   */
  private WarmPathTarget applications() {
    Application created = createApplication();
    String table = deployment.name("ApplicationsTable");
    byte[] event = event("applications/save-application.json", "GET /applications/{id}", "/applications/"
        + created.id(), Map.of("id", created.id()), Map.of("x-application-token", created.token()), null, null);
    return target("ApplicationsFunction", "GET /applications/{id}", event, List.of(
        get(table, "APP#" + created.id(), "APP", true),
        beginsWith(table, "APP#" + created.id(), "FILE#", false)));
  }

  /**
   * The call's city editor opening an application: the application, its call, its reviews, its files (Lookup,
   * ReviewStore.of, ApplicationFileStore.of); a juror would add one read of the call's jury.
   */
  private WarmPathTarget selection() {
    Application created = createApplication();
    String applications = deployment.name("ApplicationsTable");
    byte[] event = event("selection/review-application.json", "GET /admin/applications/{id}",
        "/admin/applications/" + created.id(), Map.of("id", created.id()), Map.of(), null,
        Map.of("sub", "editor-modena", "cognito:groups", "[editors]", "custom:city", "modena", "token_use", "id"));
    return target("SelectionFunction", "GET /admin/applications/{id}", event, List.of(
        get(applications, "APP#" + created.id(), "APP", true),
        get(deployment.name("ContentTable"), ContentKeys.itemPk(created.callId()), ContentKeys.ITEM_SK, false),
        beginsWith(applications, "APP#" + created.id(), "REVIEW#", true),
        beginsWith(applications, "APP#" + created.id(), "FILE#", false)));
  }

  /** A subscriber opening their preferences with the management token of a newsletter email: one GetItem. */
  private WarmPathTarget newsletter() {
    String function = "NewsletterFunction";
    var handler = handler(function);
    String email = "warm.reader@example.org";
    invoke(function, handler, event("newsletter/subscribe.json", "POST /newsletter/subscriptions",
        "/newsletter/subscriptions", Map.of(), Map.of(), "{\"email\": \"" + email + "\", \"languages\": [\"en\"], "
            + "\"cities\": [\"lyon\"], \"topics\": [\"news\"]}", null), 202);
    String confirmToken = deployment.aws().outbox().sent().reversed().stream()
        .map(mail -> CONFIRM_TOKEN.matcher(mail.text())).filter(Matcher::find).map(m -> m.group(1)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No confirmation email for the benchmark's subscriber"));
    String token = invoke(function, handler, event("newsletter/confirm.json", "POST /newsletter/confirm",
        "/newsletter/confirm", Map.of(), Map.of(), "{\"token\": \"" + confirmToken + "\"}", null), 200)
        .get("manageToken").asText();
    String subscriberId = token.substring(0, token.indexOf('.'));
    byte[] event = event("newsletter/get-preferences.json", "GET /newsletter/preferences", "/newsletter/preferences",
        Map.of(), Map.of("x-newsletter-token", token), null, null);
    return new WarmPathTarget(function, "GET /newsletter/preferences", handler, event, rawClient(function), List.of(
        get(deployment.name("NewsletterTable"), "SUB#" + subscriberId, "SUB", true)));
  }

  private record Application(String id, String token, String callId) {}

  /** A draft to the open call, created as an applicant creates it. */
  private Application createApplication() {
    String function = "ApplicationsFunction";
    String callId = idOf(Kind.CALL, OPEN_CALL_SLUG);
    JsonNode created = invoke(function, handler(function), event("applications/create-application.json",
        "POST /calls/{slug}/applications", "/calls/" + OPEN_CALL_SLUG + "/applications",
        Map.of("slug", OPEN_CALL_SLUG), Map.of(), "{\"name\": \"Warm Path\", \"email\": \"warm.path."
            + INVOCATIONS.incrementAndGet() + "@example.org\", \"language\": \"en\"}", null), 201);
    return new Application(created.get("applicationId").asText(), created.get("token").asText(), callId);
  }

  private WarmPathTarget target(String function, String route, byte[] event, List<DynamoDbRequest> raw) {
    return new WarmPathTarget(function, route, handler(function), event, rawClient(function), raw);
  }

  /** The function's handler as Lambda constructs it: its public constructor, with the template's variables. */
  @SuppressWarnings("unchecked")
  private RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String function) {
    String className = deployment.template().handlerClass(function);
    try {
      return ScopedValue.where(Env.SCOPED, deployment.functions().environment(function)).call(() ->
          (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(className)
              .getConstructor().newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot construct " + className, e);
    }
  }

  /** A plain DynamoDB client built as the function builds its own: same HTTP client, region, credentials, endpoint. */
  private DynamoDbClient rawClient(String function) {
    return ScopedValue.where(Env.SCOPED, deployment.functions().environment(function)).call(AwsClients::dynamoDb);
  }

  /** The id SampleData gives the seeded item of that kind and slug (a function of both, whenever seeded). */
  private static String idOf(Kind kind, String slug) {
    return SampleData.items(Instant.now()).stream().filter(item -> item.kind() == kind && item.slug().equals(slug))
        .map(ContentItem::id).findFirst()
        .orElseThrow(() -> new IllegalStateException("The sample data has no " + kind.id() + " " + slug));
  }

  /** One invocation of a set-up request; its JSON answer, which must have the expected status. */
  private static JsonNode invoke(String function, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>
      handler, byte[] event, int expected) {
    APIGatewayV2HTTPResponse response = handler.handleRequest(parse(event), context(function));
    if (response.getStatusCode() != expected) {
      throw new IllegalStateException(function + " answered " + response.getStatusCode() + ": "
          + response.getBody());
    }
    return Json.read(response.getBody(), JsonNode.class);
  }

  static APIGatewayV2HTTPEvent parse(byte[] event) {
    try {
      return EVENTS.readValue(event, APIGatewayV2HTTPEvent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh context per invocation, as the runtime gives one. */
  static LocalContext context(String function) {
    return new LocalContext(function, "warm-" + INVOCATIONS.incrementAndGet(), 10, 1024);
  }

  /**
   * A sample of events/ readdressed to a route and path, with headers added, a body (or none) and, when given, the
   * JWT authorizer's claims replaced.
   */
  private byte[] event(String sample, String routeKey, String rawPath, Map<String, String> pathParameters,
      Map<String, String> headers, String body, Map<String, String> claims) {
    try {
      var event = (ObjectNode) EVENTS.readTree(events.resolve(sample).toFile());
      var context = (ObjectNode) event.get("requestContext");
      event.put("routeKey", routeKey);
      context.put("routeKey", routeKey);
      event.put("rawPath", rawPath);
      ((ObjectNode) context.get("http")).put("path", rawPath).put("method", routeKey.split(" ")[0]);
      if (pathParameters.isEmpty()) {
        event.remove("pathParameters");
      } else {
        event.set("pathParameters", EVENTS.valueToTree(pathParameters));
      }
      headers.forEach(((ObjectNode) event.get("headers"))::put);
      if (body == null) {
        event.remove("body");
        ((ObjectNode) event.get("headers")).remove("content-type");
      } else {
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("content-type", "application/json");
      }
      if (claims != null) {
        context.withObjectProperty("authorizer").withObjectProperty("jwt").set("claims", EVENTS.valueToTree(claims));
      }
      return EVENTS.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static GetItemRequest get(String table, String pk, String sk, boolean consistent) {
    var request = GetItemRequest.builder().tableName(table)
        .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk)));
    return (consistent ? request.consistentRead(true) : request).build();
  }

  private static QueryRequest beginsWith(String table, String pk, String skPrefix, boolean consistent) {
    var request = QueryRequest.builder().tableName(table)
        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
        .expressionAttributeNames(Map.of("#pk", "pk", "#sk", "sk"))
        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":sk", AttributeValue.fromS(skPrefix)));
    return (consistent ? request.consistentRead(true) : request).build();
  }
}
