package org.mediaartscities.applications.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.applications.ApplicationsTestBed.json;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * An applicant attacking the file check: replacing a checked file through its still valid upload URL, sending more
 * bytes than announced, swapping the object between its event and the check, announcing files in parallel past a
 * question's limit. Each attack runs through the real handlers on the embedded services, and the stored data is
 * checked.
 */
class FileAttacksTest {

  private static final byte[] PDF = ApplicationsTestBed.PDF;
  private static ApplicationsTestBed bed;
  private static ContentItem call;

  @BeforeAll
  static void deploy() {
    bed = new ApplicationsTestBed(FileAttacksTest.class);
    String open = bed.call(CallStatus.OPEN);
    call = bed.sample.stream().filter(i -> i.slug().equals(open)).findFirst().orElseThrow();
    new JuryFixtures(bed).jury(call, "ana@example.org");
  }

  @Test
  void aSecondPutToTheUploadUrlAfterSubmissionChangesNoBytesThatAreServed() throws Exception {
    JsonNode application = bed.ready(call.slug(), "second.put@example.org");
    JsonNode upload = bed.announce(application, "portfolio", "works.pdf", "application/pdf", PDF.length);
    assertThat(ApplicationsTestBed.upload(upload, "application/pdf", PDF)).isEqualTo(200);
    bed.deployment.s3Events().deliverNew();
    var submitted = bed.call("POST /applications/{id}/submit", path(application) + "/submit", null,
        "x-application-token", token(application));
    assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(200);
    ApplicationFile checked = onlyFile(application);
    assertThat(checked.status()).isEqualTo(ApplicationFile.Status.READY);
    assertThat(objects("applications/" + id(application) + "/")).as("the upload goes once checked").isEmpty();

    byte[] swapped = Arrays.copyOf("%PDF-1.4 swapped after the check".getBytes(StandardCharsets.US_ASCII),
        PDF.length);
    assertThat(ApplicationsTestBed.upload(upload, "application/pdf", swapped)).isEqualTo(200);
    bed.deployment.s3Events().deliverNew();

    assertThat(onlyFile(application)).isEqualTo(checked);
    assertThat(objects("applications/" + id(application) + "/")).as("the second upload is deleted unread").isEmpty();
    JsonNode forEditors = json(bed.admin(ApiEvents.admin(), "GET /admin/applications/{id}", "/admin/applications/"
        + id(application), null));
    assertThat(ApplicationsTestBed.download(forEditors.get("files").get(0).get("downloadUrl").asText()))
        .isEqualTo(PDF);
    JsonNode forJury = json(bed.admin(JuryFixtures.juror("ana@example.org"), "GET /admin/applications/{id}",
        "/admin/applications/" + id(application), null));
    byte[] reviewers = ApplicationsTestBed.download(forJury.get("files").get(0).get("downloadUrl").asText());
    assertThat(new String(reviewers, StandardCharsets.US_ASCII)).startsWith("%PDF-").doesNotContain("swapped");
    String reference = json(submitted).get("reference").asText();
    assertThat(zip().get(reference + "/portfolio-1.pdf")).isEqualTo(PDF);
  }

  @Test
  void anObjectLargerThanAnnouncedIsRejectedWithoutBeingRead() {
    JsonNode application = bed.ready(call.slug(), "larger.object@example.org");
    bed.announce(application, "portfolio", "big.pdf", "application/pdf", PDF.length);
    ApplicationFile file = onlyFile(application);
    byte[] larger = Arrays.copyOf(PDF, 2 * 1024 * 1024);
    putObject(file.key(), larger);
    var read = new AtomicLong();

    check(read, file.key(), larger.length);

    ApplicationFile stored = onlyFile(application);
    assertThat(read.get()).isZero();
    assertThat(stored.status()).isEqualTo(ApplicationFile.Status.REJECTED);
    assertThat(stored.reason()).isEqualTo("The file has " + larger.length + " bytes, not the " + PDF.length
        + " announced.");
    assertThat(objects("applications/" + id(application) + "/")).isEmpty();
    assertThat(objects(ApplicationFile.CHECKED_PREFIX + id(application) + "/")).isEmpty();
  }

  @Test
  void anEventUnderstatingTheSizeGetsReadOnlyToOneByteBeyondTheAnnouncedSize() {
    JsonNode application = bed.ready(call.slug(), "understated.size@example.org");
    bed.announce(application, "portfolio", "big.pdf", "application/pdf", PDF.length);
    ApplicationFile file = onlyFile(application);
    byte[] larger = Arrays.copyOf(PDF, 2 * 1024 * 1024);
    putObject(file.key(), larger);
    var read = new AtomicLong();

    check(read, file.key(), PDF.length);

    ApplicationFile stored = onlyFile(application);
    assertThat(read.get()).isLessThanOrEqualTo(PDF.length + 1);
    assertThat(stored.status()).isEqualTo(ApplicationFile.Status.REJECTED);
    assertThat(stored.reason()).isEqualTo("The file has more than " + PDF.length + " bytes, not the " + PDF.length
        + " announced.");
    assertThat(objects(ApplicationFile.CHECKED_PREFIX + id(application) + "/")).isEmpty();
  }

  @Test
  void anObjectReplacedBetweenItsEventAndTheReadIsNotMarkedReady() {
    JsonNode application = bed.ready(call.slug(), "replaced.object@example.org");
    bed.announce(application, "portfolio", "works.pdf", "application/pdf", PDF.length);
    ApplicationFile file = onlyFile(application);
    String first = putObject(file.key(), PDF);
    byte[] other = Arrays.copyOf("%PDF-1.4 another".getBytes(StandardCharsets.US_ASCII), PDF.length);
    putObject(file.key(), other);

    invokeCheck(new AtomicLong(), event(file.key(), PDF.length, first));

    assertThat(onlyFile(application)).isEqualTo(file);
    assertThat(objects(ApplicationFile.CHECKED_PREFIX + id(application) + "/")).isEmpty();
    bed.deployment.s3Events().deliverNew(); // the new object's own event checks it
    assertThat(onlyFile(application).status()).isEqualTo(ApplicationFile.Status.READY);
    assertThat(download(file.checkedKey())).isEqualTo(other);
  }

  @Test
  void tenParallelAnnouncementsOnAQuestionOfTwoFilesAcceptExactlyTwo() throws Exception {
    JsonNode application = bed.ready(call.slug(), "parallel.files@example.org");
    var start = new CountDownLatch(1);
    var tasks = new ArrayList<Callable<Integer>>();
    for (int i = 0; i < 10; i++) {
      String body = "{\"fieldId\": \"portfolio\", \"fileName\": \"f" + i + ".pdf\", \"contentType\": "
          + "\"application/pdf\", \"size\": " + PDF.length + "}";
      tasks.add(() -> {
        start.await();
        return bed.call("POST /applications/{id}/files", path(application) + "/files", body, "x-application-token",
            token(application)).getStatusCode();
      });
    }
    var statuses = new ArrayList<Integer>();
    try (var pool = Executors.newFixedThreadPool(tasks.size())) {
      List<Future<Integer>> futures = tasks.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<Integer> future : futures) {
        statuses.add(future.get());
      }
    }

    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(2);
    assertThat(statuses.stream().filter(s -> s != 201)).hasSize(8).allMatch(s -> s == 400);
    List<ApplicationFile> stored = bed.table().files().of(id(application));
    assertThat(stored).hasSize(2);
    assertThat(stored).extracting(ApplicationFile::slot).containsExactlyInAnyOrder(1, 2);
    assertThat(slotRows(application)).containsExactlyInAnyOrder("SLOT#portfolio#1", "SLOT#portfolio#2");
  }

  @Test
  void aDeletedOrRejectedFileGivesItsPlaceBack() throws Exception {
    JsonNode application = bed.ready(call.slug(), "places.back@example.org");
    JsonNode kept = bed.announce(application, "portfolio", "kept.pdf", "application/pdf", PDF.length);
    JsonNode bad = bed.announce(application, "portfolio", "bad.pdf", "application/pdf", PDF.length);
    ApplicationsTestBed.upload(bad, "application/pdf", new byte[PDF.length]);
    bed.deployment.s3Events().deliverNew();
    bed.announce(application, "portfolio", "third.pdf", "application/pdf", PDF.length);
    var deleted = bed.call("DELETE /applications/{id}/files/{fileId}", path(application) + "/files/"
        + kept.get("fileId").asText(), null, "x-application-token", token(application));
    assertThat(deleted.getStatusCode()).isEqualTo(204);
    bed.announce(application, "portfolio", "fourth.pdf", "application/pdf", PDF.length);

    assertThat(bed.table().files().of(id(application))).extracting(ApplicationFile::status)
        .containsExactlyInAnyOrder(ApplicationFile.Status.REJECTED, ApplicationFile.Status.PENDING,
            ApplicationFile.Status.PENDING);
    assertThat(slotRows(application)).hasSize(2);
  }

  // The file function as Lambda builds it, but reading through a client that counts the bytes it hands over.
  private static void check(AtomicLong read, String key, long size) {
    invokeCheck(read, event(key, size, headETag(key)));
  }

  private static void invokeCheck(AtomicLong read, S3Event event) {
    var table = bed.table();
    try (var s3 = bed.deployment.aws().clients().s3()) {
      ApplicationsTestBed.invoke(new FileCheckHandler(table.applications(), table.files(), counting(s3, read)),
          event);
    }
  }

  private static S3Client counting(S3Client s3, AtomicLong read) {
    return (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(), new Class<?>[] {S3Client.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(s3, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof ResponseInputStream<?> in) {
            return new ResponseInputStream<>((GetObjectResponse) in.response(),
                AbortableInputStream.create(new Counting(in, read)));
          }
          return result;
        });
  }

  private static final class Counting extends FilterInputStream {
    private final AtomicLong read;

    Counting(InputStream in, AtomicLong read) {
      super(in);
      this.read = read;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }

  private static S3Event event(String key, long size, String eTag) {
    String bucket = bucket();
    var s3 = new S3EventNotification.S3Entity("FileUploaded",
        new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("local"),
            "arn:aws:s3:::" + bucket),
        new S3EventNotification.S3ObjectEntity(key, size, eTag.replace("\"", ""), null, "0"), "1.0");
    return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("us-east-1", "ObjectCreated:Put",
        "aws:s3", Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
        new S3EventNotification.ResponseElementsEntity("test", "test"), s3,
        new S3EventNotification.UserIdentityEntity("local"))));
  }

  private static Map<String, byte[]> zip() throws Exception {
    String exports = "/admin/calls/" + call.id() + "/exports";
    var requested = bed.admin(ApiEvents.admin(), "POST /admin/calls/{id}/exports", exports, null);
    bed.deployment.sqsEvents().drain();
    JsonNode done = json(bed.admin(ApiEvents.admin(), "GET /admin/calls/{id}/exports/{exportId}", exports + "/"
        + json(requested).get("exportId").asText(), null));
    var entries = new LinkedHashMap<String, byte[]>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(ApplicationsTestBed.download(
        done.get("downloadUrl").asText())))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static ApplicationFile onlyFile(JsonNode application) {
    List<ApplicationFile> files = bed.table().files().of(id(application));
    assertThat(files).hasSize(1);
    return files.getFirst();
  }

  private static List<String> slotRows(JsonNode application) {
    var dynamoDb = bed.deployment.aws().clients().dynamoDb();
    return dynamoDb.query(r -> r.tableName(bed.deployment.name("ApplicationsTable")).consistentRead(true)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :slot)")
            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("APP#" + id(application)),
                ":slot", AttributeValue.fromS("SLOT#")))).items().stream()
        .map(item -> item.get("sk").s()).toList();
  }

  private static String putObject(String key, byte[] bytes) {
    try (var s3 = bed.deployment.aws().clients().s3()) {
      return s3.putObject(r -> r.bucket(bucket()).key(key).contentType("application/pdf"),
          RequestBody.fromBytes(bytes)).eTag();
    }
  }

  private static String headETag(String key) {
    try (var s3 = bed.deployment.aws().clients().s3()) {
      return s3.headObject(r -> r.bucket(bucket()).key(key)).eTag();
    }
  }

  private static byte[] download(String key) {
    try (var s3 = bed.deployment.aws().clients().s3()) {
      return s3.getObjectAsBytes(r -> r.bucket(bucket()).key(key)).asByteArray();
    }
  }

  private static List<String> objects(String prefix) {
    try (var s3 = bed.deployment.aws().clients().s3()) {
      return s3.listObjectsV2(r -> r.bucket(bucket()).prefix(prefix)).contents().stream().map(o -> o.key()).toList();
    }
  }

  private static String bucket() {
    return bed.deployment.name("ApplicationsBucket");
  }

  private static String id(JsonNode application) {
    return application.get("applicationId").asText();
  }

  private static String path(JsonNode application) {
    return "/applications/" + id(application);
  }

  private static String token(JsonNode application) {
    return application.get("token").asText();
  }
}
