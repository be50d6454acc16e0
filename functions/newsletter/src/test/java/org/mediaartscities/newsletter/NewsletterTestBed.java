package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.EventDetails;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** template.yaml deployed for one test class, with the network's cities, content of our own, and the outbox. */
final class NewsletterTestBed {

  final LocalDeployment deployment;
  final ContentStore content;

  NewsletterTestBed(Class<?> owner) {
    deployment = LocalDeployment.forTests(owner);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    content = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
    SampleData.cities().forEach(content::putCity);
  }

  /** Invokes NewsletterFunction as Lambda would (its own constructor and environment). */
  APIGatewayV2HTTPResponse call(String routeKey, String path, String body, String... headers) {
    return deployment.functions().invoke("NewsletterFunction", ApiEvents.request(null, routeKey, path, body, headers));
  }

  /** The configuration the functions are built with, on another clock. */
  NewsletterConfig config(InstantSource clock) {
    return ScopedValue.where(Env.SCOPED, deployment.functions().environment("NewsletterFunction"))
        .call(NewsletterConfig::fromEnvironment).withClock(clock);
  }

  static APIGatewayV2HTTPResponse invoke(NewsletterHandler handler, String routeKey, String path, String body,
      String... headers) {
    return handler.handleRequest(ApiEvents.request(null, routeKey, path, body, headers),
        new LocalContext("NewsletterFunction", UUID.randomUUID().toString(), 10, 1024));
  }

  /** The emails sent to an address, parsed back with a MIME parser. */
  List<MimeMessage> mailsTo(String address) {
    return deployment.aws().outbox().sent().stream().map(NewsletterTestBed::parse).filter(message -> {
      try {
        return message.getAllRecipients()[0].toString().equals(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  static MimeMessage parse(org.mediaartscities.local.aws.EmbeddedSes.SentEmail sent) {
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
    Matcher matcher = Pattern.compile(Pattern.quote(linkPart) + "[#?]token=([A-Za-z0-9_.%-]+)").matcher(parts(message)[0]);
    if (!matcher.find()) {
      throw new AssertionError("No " + linkPart + " link in: " + parts(message)[0]);
    }
    return java.net.URLDecoder.decode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
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
    var translations = new java.util.LinkedHashMap<String, Translation>();
    for (int i = 0; i < languageTitle.length; i += 2) {
      translations.put(languageTitle[i], new Translation(languageTitle[i + 1], "Summary of " + languageTitle[i + 1],
          "Text", null, null));
    }
    EventDetails event = kind == Kind.EVENT ? new EventDetails(publishedAt.plus(java.time.Duration.ofDays(30)),
        publishedAt.plus(java.time.Duration.ofDays(31)), "Europe/Paris", new EventDetails.Venue("La Sucrière", "Lyon"),
        null, "offline") : null;
    CallDetails call = kind == Kind.CALL ? new CallDetails(publishedAt.minus(java.time.Duration.ofDays(1)),
        publishedAt.plus(java.time.Duration.ofDays(30)), "Europe/Paris", null) : null;
    return new ContentItem(UUID.randomUUID().toString(), kind, slug, city, languageTitle[0],
        translations, List.of(), List.of(), PublicationStatus.PUBLISHED, publishedAt, event, call, null);
  }
}
