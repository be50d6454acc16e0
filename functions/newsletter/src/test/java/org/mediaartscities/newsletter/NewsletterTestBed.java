package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.aws.EmbeddedSes;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** template.yaml deployed for a test class (or one test), with the network's cities, content of our own, the outbox. */
final class NewsletterTestBed {

  private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

  final LocalDeployment deployment;
  final ContentStore content;
  /** The JVM's outbox is shared by every deployment: this bed's mail is what was sent after it was deployed. */
  private final long outboxStart;
  private DigestPlannerConfig plannerConfig;

  /** A deployment for the whole of a test class. */
  NewsletterTestBed(Class<?> owner) {
    this(LocalDeployment.forTests(owner));
  }

  private NewsletterTestBed(LocalDeployment deployment) {
    this.deployment = deployment;
    this.outboxStart = deployment.aws().outbox().count();
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    content = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
    SampleData.cities().forEach(content::putCity);
  }

  /** A deployment of its own, for a test that must share no table, run or subscriber with any other. */
  static NewsletterTestBed fresh(Class<?> owner) {
    return new NewsletterTestBed(LocalDeployment.deploy(RepoPaths.template(), LocalAws.shared(),
        Map.of("MediaBaseUrl", "http://media.test"), new LocalSecrets(null),
        owner.getSimpleName() + DEPLOYMENTS.incrementAndGet() + "-"));
  }

  /** Invokes NewsletterFunction as Lambda would (its own constructor and environment). */
  APIGatewayV2HTTPResponse call(String routeKey, String path, String body, String... headers) {
    return call(ApiEvents.request(null, routeKey, path, body, headers));
  }

  APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
    return deployment.functions().invoke("NewsletterFunction", event);
  }

  /** NewsletterFunction's configuration (its own environment), on another clock. */
  NewsletterApiConfig apiConfig(InstantSource clock) {
    return inEnvironmentOf("NewsletterFunction", NewsletterApiConfig::fromEnvironment).withClock(clock);
  }

  /**
   * Runs DigestPlannerFunction's planner (its own environment) on a clock that reads {@code clock}, then delivers its
   * queue to the deployed sender: a digest as the schedule or {@code ./dev digest} runs it, at a time of the test's.
   */
  Map<String, Object> plan(Instant clock, Map<String, Object> input) {
    var planner = new DigestPlanner(plannerConfig().withClock(() -> clock));
    Map<String, Object> result = planner.handleRequest(input, new LocalContext("DigestPlannerFunction",
        UUID.randomUUID().toString(), 900, 1024));
    deployment.sqsEvents().drain();
    return result;
  }

  /** The same, as of {@code at}, by a planner running at {@code clock}. */
  Map<String, Object> plan(Instant clock, Instant at) {
    return plan(clock, Map.of("trigger", "test", "at", at.toString()));
  }

  /** DigestPlannerFunction's configuration, built once per bed (its clock is the system's). */
  DigestPlannerConfig plannerConfig() {
    if (plannerConfig == null) {
      plannerConfig = inEnvironmentOf("DigestPlannerFunction", DigestPlannerConfig::fromEnvironment);
    }
    return plannerConfig;
  }

  /**
   * The subscriber rows whose document holds an address (as typed when it subscribed), found as docs/OPERATIONS.md
   * tells an operator to find them: a Scan on {@code sk = SUB} and the document's {@code "email":"..."}.
   */
  List<Map<String, AttributeValue>> subscriberRows(String email) {
    return deployment.aws().clients().dynamoDb().scanPaginator(r -> r.tableName(deployment.name("NewsletterTable"))
        .filterExpression("sk = :sub AND contains(doc, :email)")
        .expressionAttributeValues(Map.of(":sub", AttributeValue.fromS("SUB"),
            ":email", AttributeValue.fromS("\"email\":\"" + email + "\""))))
        .items().stream().toList();
  }

  /** Lifts a suppression as docs/OPERATIONS.md tells an operator to: deletes the row, if it is still suppressed. */
  void liftSuppression(String email) {
    List<Map<String, AttributeValue>> rows = subscriberRows(email);
    assertThat(rows).hasSize(1);
    deployment.aws().clients().dynamoDb().deleteItem(r -> r.tableName(deployment.name("NewsletterTable"))
        .key(Map.of("pk", rows.getFirst().get("pk"), "sk", AttributeValue.fromS("SUB")))
        .conditionExpression("contains(doc, :suppressed)")
        .expressionAttributeValues(Map.of(":suppressed", AttributeValue.fromS("\"status\":\"suppressed\""))));
  }

  /** The digests among the emails to an address: the only ones with a List-Unsubscribe header. */
  List<MimeMessage> digests(String address) {
    return mailsTo(address).stream().filter(m -> {
      try {
        return m.getHeader("List-Unsubscribe") != null;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  /** A configuration as {@code functionId} builds it, from the variables template.yaml gives that function. */
  <T> T inEnvironmentOf(String functionId, Supplier<T> fromEnvironment) {
    return ScopedValue.where(Env.SCOPED, deployment.functions().environment(functionId)).call(fromEnvironment::get);
  }

  static APIGatewayV2HTTPResponse invoke(NewsletterHandler handler, APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, new LocalContext("NewsletterFunction", UUID.randomUUID().toString(), 10,
        1024));
  }

  static APIGatewayV2HTTPResponse invoke(NewsletterHandler handler, String routeKey, String path, String body,
      String... headers) {
    return invoke(handler, ApiEvents.request(null, routeKey, path, body, headers));
  }

  /** Subscribes and confirms an address through the deployed function; returns its management token. */
  String subscribeAndConfirm(String email, String extra) {
    call("POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(email, extra));
    return confirm(email, event -> call(event));
  }

  /** The same through {@code handler}, on its own clock. */
  String subscribeAndConfirm(NewsletterHandler handler, String email, String extra) {
    invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(email, extra));
    return confirm(email, event -> invoke(handler, event));
  }

  private String confirm(String email, java.util.function.Function<APIGatewayV2HTTPEvent,
      APIGatewayV2HTTPResponse> function) {
    String confirmation = token(mailsTo(email).getLast(), "/newsletter/confirm");
    var confirmed = function.apply(withBody(sample("confirm"), "{\"token\": \"" + confirmation + "\"}"));
    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
    return json(confirmed).get("manageToken").asText();
  }

  /** What this deployment's functions mailed, oldest first. */
  List<EmbeddedSes.SentEmail> sent() {
    var outbox = deployment.aws().outbox();
    List<EmbeddedSes.SentEmail> newest = outbox.sent();
    long mine = outbox.count() - outboxStart;
    return newest.subList((int) Math.max(0, newest.size() - mine), newest.size());
  }

  /** The emails this deployment sent to an address, parsed back with a MIME parser. */
  List<MimeMessage> mailsTo(String address) {
    return sent().stream().map(NewsletterTestBed::parse).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  /** An HTTP API event of events/newsletter/, as {@code sam local invoke -e} sends it. */
  static APIGatewayV2HTTPEvent sample(String name) {
    return EventLoader.loadApiGatewayHttpEvent(samplePath(name).toString());
  }

  static Path samplePath(String name) {
    return RepoPaths.events().resolve("newsletter").resolve(name + ".json");
  }

  /** A sample event of events/newsletter/ that is not an HTTP one, as the function receives it. */
  static Map<String, Object> sampleInput(String name) {
    try {
      return Json.MAPPER.readValue(Files.readString(samplePath(name)), Json.MAPPER.getTypeFactory()
          .constructMapType(LinkedHashMap.class, String.class, Object.class));
    } catch (IOException e) {
      throw new AssertionError("Unreadable sample " + name, e);
    }
  }

  static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
    event.setBody(body);
    return event;
  }

  /** A sample with a real management token where it holds a placeholder (its query or its header). */
  static APIGatewayV2HTTPEvent withToken(APIGatewayV2HTTPEvent event, String token) {
    if (event.getQueryStringParameters() != null && event.getQueryStringParameters().containsKey("token")) {
      var query = new HashMap<>(event.getQueryStringParameters());
      query.put("token", token);
      event.setQueryStringParameters(query);
      event.setRawQueryString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    } else {
      var headers = new HashMap<>(event.getHeaders());
      headers.put("x-newsletter-token", token);
      event.setHeaders(headers);
    }
    return event;
  }

  static MimeMessage parse(EmbeddedSes.SentEmail sent) {
    try {
      return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(sent.raw()));
    } catch (Exception e) {
      throw new AssertionError("Not a MIME message", e);
    }
  }

  /** The plain-text and the HTML part of a message. */
  static String[] parts(MimeMessage message) {
    try {
      var multipart = (MimeMultipart) message.getContent();
      return new String[] {(String) multipart.getBodyPart(0).getContent(),
          (String) multipart.getBodyPart(1).getContent()};
    } catch (Exception e) {
      throw new AssertionError("Not a two-part message", e);
    }
  }

  /** The token of a link in a message ({@code ...#token=...} or {@code ?token=...}). */
  static String token(MimeMessage message, String linkPart) {
    Matcher matcher = Pattern.compile(Pattern.quote(linkPart) + "[#?]token=([A-Za-z0-9_.%-]+)")
        .matcher(parts(message)[0]);
    if (!matcher.find()) {
      throw new AssertionError("No " + linkPart + " link in: " + parts(message)[0]);
    }
    return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  static String subscription(String email, String extra) {
    return "{\"email\": \"" + email + "\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  /** A published item of ours: news, an event a month ahead, or a call open for a month. */
  static ContentItem item(Kind kind, String slug, String city, Instant publishedAt, String... languageTitle) {
    var translations = new LinkedHashMap<String, Translation>();
    for (int i = 0; i < languageTitle.length; i += 2) {
      translations.put(languageTitle[i], new Translation(languageTitle[i + 1], "Summary of " + languageTitle[i + 1],
          "Text", null, null));
    }
    EventDetails event = kind == Kind.EVENT ? new EventDetails(publishedAt.plus(Duration.ofDays(30)),
        publishedAt.plus(Duration.ofDays(31)), "Europe/Paris", new EventDetails.Venue("La Sucrière", "Lyon"),
        null, "offline") : null;
    CallDetails call = kind == Kind.CALL ? new CallDetails(publishedAt.minus(Duration.ofDays(1)),
        publishedAt.plus(Duration.ofDays(30)), "Europe/Paris", null) : null;
    return new ContentItem(UUID.randomUUID().toString(), kind, slug, city, languageTitle[0],
        translations, List.of(), List.of(), PublicationStatus.PUBLISHED, publishedAt, event, call, null);
  }
}
