package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.CallStatus;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An artist who lost the link to their application, or carries on from another device, asks for it by address: each
 * of the address's applications to the call is mailed a link that opens it, and the answer never says whether the
 * address applied.
 */
class ApplicationLinksTest {

  private static final Pattern LINK = Pattern.compile("apply\\?application=([0-9a-f-]{36})#token=([A-Za-z0-9_-]+)");
  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ApplicationLinksTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void eachApplicationOfTheAddressIsMailedALinkThatOpensIt() {
    String email = "two.drafts@example.org";
    JsonNode first = create(email);
    JsonNode second = create(email);
    int before = bed.mailsTo(email).size();

    var answer = requestLinks("{\"email\": \"Two.Drafts@Example.org\"}");

    assertThat(answer.getStatusCode()).isEqualTo(202);
    assertThat(answer.getHeaders().get("cache-control")).contains("no-store");
    List<MimeMessage> mails = bed.mailsTo(email);
    assertThat(mails).hasSize(before + 2);
    var opened = new ArrayList<String>();
    for (MimeMessage mail : mails.subList(before, mails.size())) {
      var link = LINK.matcher(text(mail));
      assertThat(link.find()).as(text(mail)).isTrue();
      assertThat(get(link.group(1), link.group(2)).getStatusCode()).isEqualTo(200);
      opened.add(link.group(1));
    }
    assertThat(opened).containsExactlyInAnyOrder(id(first), id(second));
    assertThat(get(id(first), first.get("token").asText()).getStatusCode()).as("the first link still opens")
        .isEqualTo(200);
  }

  @Test
  void anAddressThatNeverAppliedGetsTheSameAnswerAndNoMail() {
    String known = "known.address@example.org";
    create(known);

    var forKnown = requestLinks("{\"email\": \"" + known + "\"}");
    var forUnknown = requestLinks("{\"email\": \"never.applied@example.org\"}");

    assertThat(forUnknown.getStatusCode()).isEqualTo(forKnown.getStatusCode()).isEqualTo(202);
    assertThat(json(forUnknown)).isEqualTo(json(forKnown));
    assertThat(bed.mailsTo("never.applied@example.org")).isEmpty();
  }

  @Test
  void anAddressIsMailedLinksOnceWithinTheCooldownAndTheHoneypotNever() {
    String email = "asks.twice@example.org";
    create(email);
    int before = bed.mailsTo(email).size();

    assertThat(requestLinks("{\"email\": \"" + email + "\"}").getStatusCode()).isEqualTo(202);
    assertThat(requestLinks("{\"email\": \"" + email + "\"}").getStatusCode()).isEqualTo(202);
    assertThat(bed.mailsTo(email)).hasSize(before + 1);

    String trapped = "bot.filled.it@example.org";
    create(trapped);
    int trappedBefore = bed.mailsTo(trapped).size();
    assertThat(requestLinks("{\"email\": \"" + trapped + "\", \"nickname\": \"x\"}").getStatusCode()).isEqualTo(202);
    assertThat(bed.mailsTo(trapped)).hasSize(trappedBefore);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      no body                  | ``                                        | body
      no address               | {}                                        | email
      not an address           | {"email": "not-an-address"}               | email
      an address too long      | {"email": "LONG@example.org"}             | email
      an address of wrong type | {"email": 42}                             | email
      an unknown field         | {"email": "ok@example.org", "extra": 1}   | extra
      """)
  void badRequestsAreRefusedNamingTheFieldAndStoreNothing(String what, String body, String field) {
    String sent = body.replace("LONG", "a".repeat(250));
    String address = "ok@example.org";
    create(address);
    int mails = bed.mailsTo(address).size();

    var answer = requestLinks(sent);

    assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(400);
    assertThat(json(answer).get("error").get("field").asText()).isEqualTo(field);
    assertThat(bed.mailsTo(address)).hasSize(mails);
    assertThat(rows(address, "MAILED#LINKS")).as("a refused request counts no mail").isEmpty();
  }

  @Test
  void anUnknownCallIsANotFound() {
    var answer = bed.call("POST /calls/{slug}/application-links", "/calls/no-such-call/application-links",
        "{\"email\": \"someone@example.org\"}");

    assertThat(answer.getStatusCode()).isEqualTo(404);
  }

  @Test
  void requestsSentTogetherMailEachApplicationOnce() throws Exception {
    String email = "many.taps@example.org";
    create(email);
    int before = bed.mailsTo(email).size();
    int requests = 6;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(requests);
    var answers = new ArrayList<Future<Integer>>();
    try {
      for (int i = 0; i < requests; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return requestLinks("{\"email\": \"" + email + "\"}").getStatusCode();
        }));
      }
      start.countDown();
      for (Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(202);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(bed.mailsTo(email)).hasSize(before + 1);
  }

  @Test
  void anErasedApplicationIsNeitherFoundByItsAddressNorMailed() {
    String email = "erased.then.asked@example.org";
    JsonNode application = create(email);
    assertThat(rows(email, "APP#")).hasSize(1);
    assertThat(bed.call("DELETE /applications/{id}", "/applications/" + id(application), null,
        "x-application-token", application.get("token").asText()).getStatusCode()).isEqualTo(204);
    int before = bed.mailsTo(email).size();

    assertThat(requestLinks("{\"email\": \"" + email + "\"}").getStatusCode()).isEqualTo(202);

    assertThat(rows(email, "APP#")).isEmpty();
    assertThat(bed.mailsTo(email)).hasSize(before);
  }

  private static JsonNode create(String email) {
    var response = bed.call("POST /calls/{slug}/applications", "/calls/" + open + "/applications", applyBody(email));
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    return json(response);
  }

  private static APIGatewayV2HTTPResponse requestLinks(String body) {
    return bed.call("POST /calls/{slug}/application-links", "/calls/" + open + "/application-links",
        body.isEmpty() ? null : body);
  }

  private static APIGatewayV2HTTPResponse get(String id, String token) {
    return bed.call("GET /applications/{id}", "/applications/" + id, null, "x-application-token", token);
  }

  private static String id(JsonNode application) {
    return application.get("applicationId").asText();
  }

  private static String text(MimeMessage mail) {
    try {
      return ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent().toString();
    } catch (Exception e) {
      throw new AssertionError("An unreadable email", e);
    }
  }

  // The sort keys of the address's rows for the call that start with {@code prefix}, read strongly consistent.
  private static List<String> rows(String email, String prefix) {
    String callId = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow().id();
    try (var dynamoDb = bed.deployment.aws().clients().dynamoDb()) {
      return dynamoDb.query(r -> r.tableName(bed.deployment.name("ApplicationsTable")).consistentRead(true)
          .keyConditionExpression("pk = :pk AND begins_with(sk, :app)")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("CALL#" + callId + "#EMAIL#"
              + SecretTokens.emailHash(email)), ":app", AttributeValue.fromS(prefix))))
          .items().stream().map(item -> item.get("sk").s()).toList();
    }
  }
}
