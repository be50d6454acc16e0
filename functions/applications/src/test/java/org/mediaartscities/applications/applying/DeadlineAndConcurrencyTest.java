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
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.lambda.ApiEvents;

/**
 * The deadline by the server's clock (injected, not slept on), tokens that expire, and the store's guarantees under
 * parallel clients: one receipt per application, one submitted application per address, numbers without gaps.
 */
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
    assertThat(bed.mailsTo(email)).hasSize(2); // the code, then one receipt
  }

  @Test
  void fiftyParallelNewApplicationsWithOneEmailAreAnsweredAlikeAndMailOneCode() throws Exception {
    List<APIGatewayV2HTTPResponse> responses = inParallel(50, i -> bed.call("POST /calls/{slug}/applications",
        "/calls/deadline-call/applications", applyBody(i % 2 == 0 ? "same.person@example.org"
            : "Same.Person@example.org")));

    assertThat(responses).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsOnly(201);
    assertThat(responses.stream().map(r -> json(r).get("applicationId").asText()).distinct()).hasSize(50);
    assertThat(bed.mailsTo("same.person@example.org").size() + bed.mailsTo("Same.Person@example.org").size())
        .isEqualTo(1);
  }

  @Test
  void twentyParallelVerifiedSubmissionsOfOneAddressGiveOneSubmittedApplication() throws Exception {
    String email = "twenty.drafts@example.org";
    var visitor = new Visitor(bed, Instant.now());
    var drafts = new ArrayList<JsonNode>();
    for (int i = 0; i < 20; i++) {
      // An address is mailed one code every ten minutes: each draft is opened ten minutes after the last.
      drafts.add(visitor.verifiedAndComplete(visitor.after(AccessLinks.MAIL_COOLDOWN).create("deadline-call", email),
          email));
    }

    List<APIGatewayV2HTTPResponse> responses = inParallel(20, i -> visitor.submit(drafts.get(i)));

    assertThat(responses.stream().filter(r -> r.getStatusCode() == 200)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.getStatusCode() == 409))
        .hasSize(19).allMatch(r -> json(r).get("error").get("code").asText().equals("already_applied"));
    var store = bed.table().applications();
    var submitted = drafts.stream().map(d -> store.get(d.get("applicationId").asText()).orElseThrow().application())
        .filter(a -> a.status() == Application.Status.SUBMITTED).toList();
    assertThat(submitted).hasSize(1);
    assertThat(store.reservation("deadline-call", email)).contains(submitted.getFirst().id());
    assertThat(drafts.stream().map(d -> store.get(d.get("applicationId").asText()).orElseThrow().application())
        .filter(a -> a.reference() != null)).hasSize(1);

    // The nineteen refusals took no number: the next submission to the call gets the next one.
    JsonNode next = visitor.verifiedAndComplete(visitor.create("deadline-call", "after.twenty@example.org"),
        "after.twenty@example.org");
    String number = json(visitor.submit(next)).get("reference").asText();
    assertThat(sequence(number)).isEqualTo(sequence(submitted.getFirst().reference()) + 1);
  }

  @Test
  void aDraftsTokenOpensItUntilThirtyDaysAfterItsCallCloses() {
    var visitor = new Visitor(bed, Instant.now());
    JsonNode draft = visitor.create("deadline-call", "forgotten.draft@example.org");

    assertThat(visitor.at(CLOSES.plus(Application.DRAFT_ACCESS).minusSeconds(1)).get(draft).getStatusCode())
        .isEqualTo(200);
    var expired = visitor.at(CLOSES.plus(Application.DRAFT_ACCESS)).get(draft);
    assertThat(expired.getStatusCode()).isEqualTo(404);
    assertThat(json(expired).get("error").get("message").asText()).isEqualTo("No application with this id and "
        + "access token.");
  }

  private static int sequence(String reference) {
    return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
  }

  private static JsonNode ready(String email) {
    JsonNode application = json(bed.call("POST /calls/{slug}/applications", "/calls/deadline-call/applications",
        applyBody(email)));
    bed.verify(application, email);
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
