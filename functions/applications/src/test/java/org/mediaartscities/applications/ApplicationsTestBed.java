package org.mediaartscities.applications;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** template.yaml deployed for one test class, with the sample calls (and their forms) and the outbox. */
final class ApplicationsTestBed {

  final LocalDeployment deployment;
  final ContentStore content;
  final List<ContentItem> sample;

  ApplicationsTestBed(Class<?> owner) {
    deployment = LocalDeployment.forTests(owner);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    content = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
    SampleData.cities().forEach(content::putCity);
    sample = SampleData.items(Instant.now());
    sample.forEach(content::putItem);
  }

  /** The slug of a sample call in that state now. */
  String call(org.mediaartscities.shared.content.CallStatus status) {
    return sample.stream().filter(i -> i.kind() == Kind.CALL && i.isPublicAt(Instant.now()))
        .filter(i -> i.call().statusAt(Instant.now()) == status).findFirst().orElseThrow().slug();
  }

  /** Invokes ApplicationsFunction as Lambda would (its own constructor and environment). */
  APIGatewayV2HTTPResponse call(String routeKey, String path, String body, String... headers) {
    return deployment.functions().invoke("ApplicationsFunction", ApiEvents.request(null, routeKey, path, body,
        headers));
  }

  /** A handler whose clock is {@code clock}: deadlines are tested on the server's clock, not by sleeping. */
  ApplicationsHandler handlerAt(InstantSource clock) {
    ApplicationsConfig config = ScopedValue.where(Env.SCOPED, deployment.functions().environment(
        "ApplicationsFunction")).call(ApplicationsConfig::fromEnvironment);
    return new ApplicationsHandler(config.withClock(clock));
  }

  /** A handler built as Lambda builds it, with some variables of its environment changed. */
  ApplicationsHandler handlerWith(java.util.Map<String, String> variables) {
    var environment = new java.util.HashMap<>(deployment.functions().environment("ApplicationsFunction"));
    environment.putAll(variables);
    return ScopedValue.where(Env.SCOPED, java.util.Map.copyOf(environment)).call(ApplicationsHandler::new);
  }

  static APIGatewayV2HTTPResponse invoke(ApplicationsHandler handler, APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, new LocalContext("ApplicationsFunction", UUID.randomUUID().toString(), 10,
        1024));
  }

  /** The emails sent to an address, parsed back with a MIME parser. */
  List<MimeMessage> mailsTo(String address) {
    return deployment.aws().outbox().sent().stream().map(sent -> {
      try {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(sent.raw()));
      } catch (Exception e) {
        throw new AssertionError("Not a MIME message", e);
      }
    }).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  static String applyBody(String email) {
    return "{\"name\": \"Aya Tanaka\", \"email\": \"" + email + "\", \"language\": \"fr\"}";
  }

  static final String COMPLETE_ANSWERS = """
      {"answers": {"name": "Collectif Lumen", "country": "JP", "discipline": "installation",
       "statement": "Nous proposons une installation lumineuse qui relie deux villes du réseau par des capteurs \
      de lumière partagés en ligne, pendant six semaines de résidence, puis montrée dans les festivals.",
       "website": "https://lumen.example.org", "consent": true}}""";
}
