package org.mediaartscities.applications.applying;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The applicant's right to erasure when the request that erases stops half-way (a timeout, an outage), is sent twice
 * at once, or meets a file announced at the same moment: in each case nothing of the application is left behind.
 */
class ErasureTest {

  private static final byte[] PDF = ApplicationsTestBed.PDF;
  private static ApplicationsTestBed bed;
  private static String open;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(ErasureTest.class);
    open = bed.call(CallStatus.OPEN);
  }

  @Test
  void anErasureThatStoppedAfterItsFirstStepIsFinishedByTheSameRequestAgain() throws Exception {
    JsonNode application = withACheckedFile("stopped.erasure@example.org");
    // The first step alone, as a request that timed out right after it leaves things.
    bed.table().applications().startErasure(stored(application));

    assertThat(get(application, token(application))).as("the application is gone for its token").isEqualTo(404);
    assertThat(rows(application)).as("what the stopped request left").containsExactlyInAnyOrder("ERASING",
        "FILE#" + onlyFile(application), "SLOT#portfolio#1");
    assertThat(objects(application)).hasSize(2);

    assertThat(delete(application, "not-its-token")).isEqualTo(404);
    assertThat(rows(application)).as("a wrong token finishes nothing").hasSize(3);

    assertThat(delete(application, token(application))).isEqualTo(204);
    assertThat(rows(application)).isEmpty();
    assertThat(objects(application)).isEmpty();
    assertThat(delete(application, token(application))).as("once finished, nothing is left to open").isEqualTo(404);
  }

  @Test
  void erasuresSentTogetherAllSucceedOrFindNothingAndLeaveNothing() throws Exception {
    JsonNode application = withACheckedFile("double.tap@example.org");
    int requests = 4;
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(requests);
    List<Future<Integer>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        Callable<Integer> erase = () -> {
          start.await();
          return delete(application, token(application));
        };
        answers.add(pool.submit(erase));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }
      // 404 only for a request that read the application after another had erased it all.
      assertThat(statuses).as(statuses.toString()).contains(204).allMatch(s -> s == 204 || s == 404);
    } finally {
      pool.shutdownNow();
    }
    assertThat(rows(application)).isEmpty();
    assertThat(objects(application)).isEmpty();
  }

  @Test
  void aFileAnnouncedOnceTheErasureStartedIsRefusedAndLeavesNoRow() {
    JsonNode application = bed.ready(open, "late.file@example.org");
    Application draft = stored(application).application();
    bed.table().applications().startErasure(stored(application));
    var file = new ApplicationFile("0f6c1b7e-2a35-4c1e-9d6f-3f2a8e1b5c47", draft.id(), "portfolio", "late.pdf",
        "application/pdf", PDF.length, "applications/" + draft.id() + "/0f6c1b7e-2a35-4c1e-9d6f-3f2a8e1b5c47.pdf",
        ApplicationFile.Status.PENDING, null, Instant.now());

    assertThatThrownBy(() -> bed.table().files().announce(draft, file, 2))
        .isInstanceOf(StoreConflictException.class);

    assertThat(rows(application)).containsExactly("ERASING");
    assertThat(delete(application, token(application))).isEqualTo(204);
    assertThat(rows(application)).isEmpty();
  }

  private static JsonNode withACheckedFile(String email) throws Exception {
    JsonNode application = bed.ready(open, email);
    JsonNode upload = bed.announce(application, "portfolio", "work.pdf", "application/pdf", PDF.length);
    assertThat(ApplicationsTestBed.upload(upload, "application/pdf", PDF)).isEqualTo(200);
    bed.deployment.s3Events().deliverNew();
    assertThat(objects(application)).as("the checked file and the reviewers' copy").hasSize(2);
    return application;
  }

  private static ApplicationStore.Stored stored(JsonNode application) {
    return bed.table().applications().get(id(application)).orElseThrow();
  }

  private static int get(JsonNode application, String token) {
    return bed.call("GET /applications/{id}", "/applications/" + id(application), null, "x-application-token", token)
        .getStatusCode();
  }

  private static int delete(JsonNode application, String token) {
    return bed.call("DELETE /applications/{id}", "/applications/" + id(application), null, "x-application-token",
        token).getStatusCode();
  }

  private static String onlyFile(JsonNode application) {
    return bed.table().files().of(id(application)).getFirst().id();
  }

  // The sort keys of every row in the application's partition, read strongly consistent.
  private static List<String> rows(JsonNode application) {
    try (var dynamoDb = bed.deployment.aws().clients().dynamoDb()) {
      return dynamoDb.query(r -> r.tableName(bed.deployment.name("ApplicationsTable")).consistentRead(true)
          .keyConditionExpression("pk = :pk")
          .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("APP#" + id(application)))))
          .items().stream().map(item -> item.get("sk").s()).toList();
    }
  }

  private static List<String> objects(JsonNode application) {
    return bed.objectsOf(id(application));
  }

  private static String id(JsonNode application) {
    return application.get("applicationId").asText();
  }

  private static String token(JsonNode application) {
    return application.get("token").asText();
  }
}
