package org.mediaartscities.applications.applying;

import static org.mediaartscities.applications.ApplicationsTestBed.COMPLETE_ANSWERS;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.local.lambda.ApiEvents;

/**
 * The applicant's routes on a clock the test moves (ApplicationsFunction built as Lambda builds it): codes expire,
 * tokens expire and an address is mailed at most once every ten minutes, all without sleeping.
 */
final class Visitor {

  private final ApplicationsTestBed bed;
  private final AtomicReference<Instant> now;
  private final ApplicationsHandler handler;

  Visitor(ApplicationsTestBed bed, Instant start) {
    this.bed = bed;
    this.now = new AtomicReference<>(start);
    InstantSource clock = now::get;
    this.handler = ApplyingHandlers.at(bed, clock);
  }

  /**
   * A published call {@code slug} of the sample call's form, open since yesterday until {@code closes}: a test that
   * moves its clock by hours needs a deadline of its own.
   */
  static void openCall(ApplicationsTestBed bed, String slug, Instant closes) {
    ContentItem sample = bed.sample.stream().filter(i -> i.kind() == Kind.CALL && i.call().form() != null
        && i.call().statusAt(Instant.now()) == CallStatus.OPEN).findFirst().orElseThrow();
    Instant yesterday = Instant.now().minus(Duration.ofDays(1));
    bed.content.putItem(new ContentItem(slug, Kind.CALL, slug, "lyon", "fr",
        Map.of("fr", new Translation("Appel « " + slug + " »", null, null, "Tous", "Une résidence")), List.of(),
        List.of(), PublicationStatus.PUBLISHED, yesterday, null,
        new CallDetails(yesterday, closes, "Europe/Paris", null, sample.call().form()), null));
  }

  Instant now() {
    return now.get();
  }

  /** Moves the clock on: past the ten minutes between two emails to one address, say. */
  Visitor after(Duration duration) {
    now.updateAndGet(t -> t.plus(duration));
    return this;
  }

  Visitor at(Instant instant) {
    now.set(instant);
    return this;
  }

  APIGatewayV2HTTPResponse call(String routeKey, String path, String body, String... headers) {
    return ApplicationsTestBed.invoke(handler, ApiEvents.request(null, routeKey, path, body, headers));
  }

  /** The application's own route {@code suffix} ("", "/submit", ...) with its token. */
  APIGatewayV2HTTPResponse on(JsonNode application, String routeKey, String suffix, String body) {
    return call(routeKey, "/applications/" + application.get("applicationId").asText() + suffix, body,
        "x-application-token", application.get("token").asText());
  }

  JsonNode create(String slug, String email) {
    var created = call("POST /calls/{slug}/applications", "/calls/" + slug + "/applications",
        ApplicationsTestBed.applyBody(email));
    if (created.getStatusCode() != 201) {
      throw new AssertionError("Creating failed: " + created.getBody());
    }
    return json(created);
  }

  APIGatewayV2HTTPResponse verify(JsonNode application, String code) {
    return on(application, "POST /applications/{id}/verify", "/verify", "{\"code\": \"" + code + "\"}");
  }

  /** Verifies with the code last mailed for it, then saves complete answers. */
  JsonNode verifiedAndComplete(JsonNode application, String email) {
    var verified = verify(application, bed.verificationCode(email, application.get("applicationId").asText()));
    if (verified.getStatusCode() != 200) {
      throw new AssertionError("Verifying failed: " + verified.getBody());
    }
    var saved = on(application, "PUT /applications/{id}", "", COMPLETE_ANSWERS);
    if (saved.getStatusCode() != 200) {
      throw new AssertionError("Saving failed: " + saved.getBody());
    }
    return application;
  }

  APIGatewayV2HTTPResponse submit(JsonNode application) {
    return on(application, "POST /applications/{id}/submit", "/submit", null);
  }

  APIGatewayV2HTTPResponse get(JsonNode application) {
    return on(application, "GET /applications/{id}", "", null);
  }
}
