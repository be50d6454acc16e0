package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.applyBody;
import static org.mediaartscities.applications.ApplicationsTestBed.invoke;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.lambda.ApiEvents;

/** The deadline by the server's clock (injected, not slept on), and the store's guarantees under 50 clients. */
class DeadlineAndConcurrencyTest {

  private static ApplicationsTestBed bed;
  private static final Instant CLOSES = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(DeadlineAndConcurrencyTest.class);
    ContentItem sample = bed.sample.stream().filter(i -> i.kind() == Kind.CALL && i.call().statusAt(Instant.now())
        == CallStatus.OPEN).findFirst().orElseThrow();
    bed.content.putItem(new ContentItem("deadline-call", Kind.CALL, "deadline-call", "lyon", "fr",
        Map.of("fr", new Translation("Appel à l’heure", null, null, "Tous", "Une résidence")), List.of(), List.of(),
        PublicationStatus.PUBLISHED, Instant.now().minus(Duration.ofDays(1)),
        null, new CallDetails(Instant.now().minus(Duration.ofDays(1)), CLOSES, "Europe/Paris", null,
            sample.call().form()), null));
  }

  @Test
  void oneSecondBeforeTheDeadlineIsAcceptedOneSecondAfterIsRefused() {
    JsonNode onTime = ready("on.time@example.org");
    JsonNode late = ready("just.late@example.org");

    var accepted = submit(ApplyingHandlers.at(bed, InstantSource.fixed(CLOSES.minusSeconds(1))), onTime);
    var refused = submit(ApplyingHandlers.at(bed, InstantSource.fixed(CLOSES.plusSeconds(1))), late);

    assertThat(accepted.getStatusCode()).as(accepted.getBody()).isEqualTo(200);
    assertThat(json(accepted).get("status").asText()).isEqualTo("submitted");
    assertThat(refused.getStatusCode()).isEqualTo(409);
    assertThat(json(refused).get("error").get("code").asText()).isEqualTo("call_closed");
    var stillDraft = bed.call("GET /applications/{id}", "/applications/" + late.get("applicationId").asText(), null,
        "x-application-token", late.get("token").asText());
    assertThat(json(stillDraft).get("status").asText()).isEqualTo("draft");
  }

  @Test
  void fiftyParallelSubmitsOfOneApplicationGiveOneReceipt() throws Exception {
    String email = "many.clicks@example.org";
    JsonNode application = ready(email);
    List<APIGatewayV2HTTPResponse> responses = inParallel(50, i -> bed.call("POST /applications/{id}/submit",
        "/applications/" + application.get("applicationId").asText() + "/submit", null, "x-application-token",
        application.get("token").asText()));

    assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(200);
    assertThat(responses.stream().map(r -> json(r).get("receipt").get("number").asText()).distinct()).hasSize(1);
    assertThat(responses.stream().map(r -> json(r).get("submittedAt").asText()).distinct()).hasSize(1);
    assertThat(bed.mailsTo(email)).hasSize(2); // the access link, then one receipt
  }

  @Test
  void fiftyParallelNewApplicationsWithOneEmailAcceptOne() throws Exception {
    List<APIGatewayV2HTTPResponse> responses = inParallel(50, i -> bed.call("POST /calls/{slug}/applications",
        "/calls/deadline-call/applications", applyBody(i % 2 == 0 ? "same.person@example.org"
            : "Same.Person@example.org")));

    assertThat(responses.stream().filter(r -> r.getStatusCode() == 201)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.getStatusCode() == 409)).hasSize(49);
    assertThat(responses).allMatch(r -> r.getStatusCode() == 201
        || json(r).get("error").get("code").asText().equals("already_applied"));
  }

  private static JsonNode ready(String email) {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/deadline-call/applications",
        applyBody(email)));
    var saved = bed.call("PUT /applications/{id}", "/applications/" + application.get("applicationId").asText(),
        COMPLETE_ANSWERS, "x-application-token", application.get("token").asText());
    assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(200);
    return application;
  }

  private static APIGatewayV2HTTPResponse submit(ApplicationsHandler handler, JsonNode application) {
    String id = application.get("applicationId").asText();
    return invoke(handler, ApiEvents.request(null, "POST /applications/{id}/submit", "/applications/" + id
        + "/submit", null, "x-application-token", application.get("token").asText()));
  }

  private static List<APIGatewayV2HTTPResponse> inParallel(int clients,
      java.util.function.IntFunction<APIGatewayV2HTTPResponse> request) throws Exception {
    var start = new CountDownLatch(1);
    var tasks = new ArrayList<Callable<APIGatewayV2HTTPResponse>>();
    for (int i = 0; i < clients; i++) {
      int client = i;
      tasks.add(() -> {
        start.await();
        return request.apply(client);
      });
    }
    var responses = new ArrayList<APIGatewayV2HTTPResponse>();
    try (var pool = Executors.newFixedThreadPool(clients)) {
      List<Future<APIGatewayV2HTTPResponse>> futures = tasks.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<APIGatewayV2HTTPResponse> future : futures) {
        responses.add(future.get());
      }
    }
    return responses;
  }
}
