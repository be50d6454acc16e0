package org.mediaartscities.applications;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * template.yaml deployed for one test class, with the sample calls (and their forms) and the outbox: the applicant's
 * routes go to ApplicationsFunction, the jury's and editors' to SelectionFunction, each as Lambda runs it.
 */
public final class ApplicationsTestBed {

  public static final String APPLICANT = "ApplicationsFunction";
  public static final String SELECTION = "SelectionFunction";

  public final LocalDeployment deployment;
  public final ContentStore content;
  public final List<ContentItem> sample;

  public ApplicationsTestBed(Class<?> owner) {
    this(owner, Map.of());
  }

  /** A deployment with some of the template's parameters set. */
  public ApplicationsTestBed(Class<?> owner, Map<String, String> parameters) {
    deployment = LocalDeployment.forTests(owner, parameters);
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    content = new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA));
    SampleData.cities().forEach(content::putCity);
    sample = SampleData.items(Instant.now());
    sample.forEach(content::putItem);
  }

  /** The slug of a sample call in that state now. */
  public String call(CallStatus status) {
    return sample.stream().filter(i -> i.kind() == Kind.CALL && i.isPublicAt(Instant.now()))
        .filter(i -> i.call().statusAt(Instant.now()) == status).findFirst().orElseThrow().slug();
  }

  /** Invokes ApplicationsFunction as Lambda would (its own constructor and environment). */
  public APIGatewayV2HTTPResponse call(String routeKey, String path, String body, String... headers) {
    return deployment.functions().invoke(APPLICANT, ApiEvents.request(null, routeKey, path, body, headers));
  }

  /** Invokes SelectionFunction as the JWT authorizer would let {@code claims} through; {@code query} name, value... */
  public APIGatewayV2HTTPResponse admin(Map<String, String> claims, String routeKey, String path, String body,
      String... query) {
    var event = ApiEvents.request(claims, routeKey, path, body);
    if (query.length > 0) {
      var parameters = new HashMap<String, String>();
      for (int i = 0; i < query.length; i += 2) {
        parameters.put(query[i], query[i + 1]);
      }
      event.setQueryStringParameters(parameters);
    }
    return deployment.functions().invoke(SELECTION, event);
  }

  /** Something built as Lambda builds it, in a function's environment with some variables changed. */
  public <T> T inEnvironment(String functionId, Map<String, String> changes, Supplier<T> factory) {
    var environment = new HashMap<>(deployment.functions().environment(functionId));
    environment.putAll(changes);
    return ScopedValue.where(Env.SCOPED, Map.copyOf(environment)).call(factory::get);
  }

  /** The applications table's stores, as the functions reach them. */
  public ApplicationsTable table() {
    return inEnvironment(APPLICANT, Map.of(), () -> {
      var dynamoDb = deployment.aws().clients().dynamoDb();
      return ApplicationsTable.fromEnvironment(dynamoDb,
          DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build());
    });
  }

  public static <I, O> O invoke(RequestHandler<I, O> handler, I event) {
    return handler.handleRequest(event, new LocalContext("test", UUID.randomUUID().toString(), 10, 1024));
  }

  /** The emails sent to an address, parsed back with a MIME parser. */
  public List<MimeMessage> mailsTo(String address) {
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

  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return Json.MAPPER.readTree(response.getBody());
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + response.getBody(), e);
    }
  }

  public static String applyBody(String email) {
    return "{\"name\": \"Aya Tanaka\", \"email\": \"" + email + "\", \"language\": \"fr\"}";
  }

  /**
   * A new application to the call {@code slug}, its address verified with the code mailed to it, and every answer
   * its form asks for saved: id and token.
   */
  public JsonNode ready(String slug, String email) {
    JsonNode application = json(call("POST /calls/{slug}/applications", "/calls/" + slug + "/applications",
        applyBody(email)));
    verify(application, email);
    var saved = call("PUT /applications/{id}", "/applications/" + application.get("applicationId").asText(),
        COMPLETE_ANSWERS, "x-application-token", application.get("token").asText());
    if (saved.getStatusCode() != 200) {
      throw new AssertionError("Saving the answers failed: " + saved.getBody());
    }
    return application;
  }

  /** The code of the verification email sent to {@code email} for an application (the latest such email). */
  public String verificationCode(String email, String applicationId) {
    var code = java.util.regex.Pattern.compile("application=" + applicationId + "#code=([0-9A-Z-]+)");
    for (MimeMessage mail : mailsTo(email).reversed()) {
      try {
        var matcher = code.matcher(((jakarta.mail.internet.MimeMultipart) mail.getContent()).getBodyPart(0)
            .getContent().toString());
        if (matcher.find()) {
          return matcher.group(1);
        }
      } catch (Exception e) {
        throw new AssertionError("An unreadable email", e);
      }
    }
    throw new AssertionError("No verification email for " + applicationId);
  }

  /** Verifies a new application's address with the code mailed to it. */
  public void verify(JsonNode application, String email) {
    String id = application.get("applicationId").asText();
    var verified = call("POST /applications/{id}/verify", "/applications/" + id + "/verify",
        "{\"code\": \"" + verificationCode(email, id) + "\"}", "x-application-token",
        application.get("token").asText());
    if (verified.getStatusCode() != 200) {
      throw new AssertionError("Verifying the address failed: " + verified.getBody());
    }
  }

  /** Everything of an application in the bucket: its uploads, checked files and reviewers' copies. */
  public List<String> objectsOf(String applicationId) {
    try (var s3 = deployment.aws().clients().s3()) {
      return java.util.stream.Stream.of("applications/", "checked/", "reviewers/").flatMap(prefix -> s3.listObjectsV2(
          r -> r.bucket(deployment.name("ApplicationsBucket")).prefix(prefix + applicationId + "/")).contents()
          .stream().map(o -> o.key())).toList();
    }
  }

  /** A tiny PDF whose first bytes the file check recognises. */
  public static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
      .getBytes(StandardCharsets.US_ASCII);
  // HTTP/1.1, as curl and browsers speak it over plain http (the JDK client would try an h2c upgrade first).
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Announces a file of an application: the upload instructions. */
  public JsonNode announce(JsonNode application, String field, String name, String type, long size) {
    var response = call("POST /applications/{id}/files", "/applications/" + application.get("applicationId").asText()
        + "/files", "{\"fieldId\": \"%s\", \"fileName\": \"%s\", \"contentType\": \"%s\", \"size\": %d}"
        .formatted(field, name, type, size), "x-application-token", application.get("token").asText());
    if (response.getStatusCode() != 201) {
      throw new AssertionError("Announcing the file failed: " + response.getBody());
    }
    return json(response);
  }

  /** PUTs bytes to an announced file's upload URL, as a browser does: the HTTP status. */
  public static int upload(JsonNode upload, String type, byte[] bytes) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(upload.get("uploadUrl").asText())).header("Content-Type", type)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /** GETs a presigned download URL: the bytes. */
  public static byte[] download(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  public static final String COMPLETE_ANSWERS = """
      {"answers": {"name": "Collectif Lumen", "country": "JP", "discipline": "installation",
       "statement": "Nous proposons une installation lumineuse qui relie deux villes du réseau par des capteurs \
      de lumière partagés en ligne, pendant six semaines de résidence, puis montrée dans les festivals.",
       "website": "https://lumen.example.org", "consent": true}}""";
}
