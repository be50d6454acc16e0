package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The sample events of events/ (the ones {@code sam local invoke -e} takes) reach their function and get the answer
 * their journey expects: one per function and per actor.
 */
class SampleEventsTest {

  private static final String EVENTS = "../../events/";
  private static ApplicationsTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(SampleEventsTest.class);
  }

  @ParameterizedTest(name = "{0} → {2}")
  @CsvSource({
      "applications/get-form.json, ApplicationsFunction, 200",
      "applications/create-application.json, ApplicationsFunction, 201",
      // The sample names no stored application: an unknown id or token reveals nothing.
      "applications/submit-application.json, ApplicationsFunction, 404",
      "selection/list-call-applications.json, SelectionFunction, 200",
      "selection/request-call-zip.json, SelectionFunction, 202",
      "selection/review-application.json, SelectionFunction, 404",
      "selection/decide-application.json, SelectionFunction, 404",
  })
  void anApiSampleGetsTheAnswerOfItsJourney(String file, String function, int status) {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(EVENTS + file);

    APIGatewayV2HTTPResponse response = bed.deployment.functions().invoke(function, event);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders()).containsKey("x-request-id");
  }

  @Test
  void theFormSampleAsksForTheFormInFrench() {
    APIGatewayV2HTTPResponse response = bed.deployment.functions().invoke(ApplicationsTestBed.APPLICANT,
        EventLoader.loadApiGatewayHttpEvent(EVENTS + "applications/get-form.json"));

    assertThat(json(response).get("lang").asText()).isEqualTo("fr");
    assertThat(json(response).get("status").asText()).isEqualTo("open");
  }

  @Test
  void theAdminsSampleListsTheCallsSubmittedApplications() {
    APIGatewayV2HTTPResponse response = bed.deployment.functions().invoke(ApplicationsTestBed.SELECTION,
        EventLoader.loadApiGatewayHttpEvent(EVENTS + "selection/list-call-applications.json"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    assertThat(json(response).get("items").isArray()).isTrue();
    assertThat(json(response).get("blindReview").isBoolean()).isTrue();
  }

  @Test
  void anUnannouncedUploadOfTheFileSampleIsDeleted() {
    S3Event event = EventLoader.loadS3Event(EVENTS + "application-files/file-uploaded.json");
    String key = event.getRecords().getFirst().getS3().getObject().getKey();
    String bucket = event.getRecords().getFirst().getS3().getBucket().getName();
    var s3 = bed.deployment.aws().clients().s3();
    // The sample names a deployed stack's bucket: the local S3 gets one of that name.
    s3.createBucket(r -> r.bucket(bucket));
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("%PDF-1.4 not announced"));

    bed.deployment.functions().invoke("ApplicationFilesFunction", event);

    assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents()).isEmpty();
  }

  @Test
  void theExportSampleBuildsItsPendingJob() {
    SQSEvent event = EventLoader.loadSQSEvent(EVENTS + "application-exports/export-requested.json");
    var message = org.mediaartscities.shared.json.Json.read(event.getRecords().getFirst().getBody(),
        ExportJobs.Message.class);
    ExportJobs jobs = bed.table().exportJobs();
    jobs.put(ExportJob.pending(message.exportId(), message.callId(), "city-to-city-residency-open-call",
        Instant.now()));

    SQSBatchResponse response = bed.deployment.functions().invoke("ApplicationExportsFunction", event);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(jobs.get(message.callId(), message.exportId()).orElseThrow().status()).isEqualTo(ExportJob.Status.READY);
  }
}
