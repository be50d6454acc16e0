package org.mediaartscities.applications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * What the jury's tests arrange, written straight to the stores as the functions write them (the applicant's routes
 * have their own tests): calls with a form and a jury, applications verified and submitted or left as drafts, and
 * files landing in the bucket for the real file check.
 */
public final class JuryFixtures {

  /** Applicants' access token in every fixture application (only its hash is stored). */
  public static final String TOKEN = "fixture-token-0123456789abcdef0123456789abcdef";
  /** The fixtures' form: a statement, a portfolio of up to three files, and two weighted criteria. */
  public static final ApplicationForm FORM = new ApplicationForm(List.of(
      new ApplicationForm.Field("statement", "long-text", true, Map.of("fr", "Note d'intention", "en",
          "Statement"), null, null, null, null, null, null, null),
      new ApplicationForm.Field("portfolio", "file", false, Map.of("fr", "Portfolio", "en", "Portfolio"), null,
          null, null, null, List.of("application/pdf", "image/jpeg", "image/png"), 10_000_000L, 3)),
      true, 0, List.of(
          new ApplicationForm.Criterion("quality", Map.of("fr", "Qualité", "en", "Quality"), 2.0, 5),
          new ApplicationForm.Criterion("relevance", Map.of("fr", "Pertinence", "en", "Relevance"), 1.0, 10)),
      false);

  private final ApplicationsTestBed bed;
  private final ApplicationsTable stores;
  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> rows;
  private final ContentRepository content;
  private final AtomicInteger receipts = new AtomicInteger();

  public JuryFixtures(ApplicationsTestBed bed) {
    this.bed = bed;
    this.stores = bed.table();
    var dynamoDb = bed.deployment.aws().clients().dynamoDb();
    this.client = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    this.rows = client.table(bed.deployment.name("ApplicationsTable"), ApplicationRow.SCHEMA);
    this.content = new ContentRepository(client.table(bed.deployment.name("ContentTable"), ContentRow.SCHEMA));
  }

  public ApplicationsTable stores() {
    return stores;
  }

  /** A published call of {@code city} open for five more days, with {@code form}. */
  public ContentItem call(String slug, String city, ApplicationForm form) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    var call = new ContentItem(slug + "-id", Kind.CALL, slug, city, "fr",
        Map.of("fr", new Translation("Appel " + slug, null, null, "Tous", "Une résidence"),
            "en", new Translation("Call " + slug, null, null, "All", "A residency")),
        List.of(), List.of(), PublicationStatus.PUBLISHED, now.minus(Duration.ofDays(1)), null,
        new CallDetails(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(5)), "Europe/Paris", null, form),
        null);
    bed.content.putItem(call);
    return call;
  }

  /** Replaces the call's jury by these addresses. */
  public void jury(ContentItem call, String... reviewers) {
    long version = content.jury(call.id()).map(j -> j.version()).orElse(0L);
    bed.content.putJury(call.id(), List.of(reviewers), version);
  }

  /** Claims of a reviewer whose address Cognito verified, as the JWT authorizer passes them. */
  public static Map<String, String> juror(String email) {
    return Map.of("sub", "reviewer-" + email, "cognito:groups", "[reviewers]", "email", email, "email_verified",
        "true");
  }

  /** Claims of a reviewer whose address Cognito did not verify. */
  public static Map<String, String> unverifiedJuror(String email) {
    return Map.of("sub", "unverified-" + email, "cognito:groups", "[reviewers]", "email", email,
        "email_verified", "false");
  }

  /** A verified draft with a statement, not submitted. */
  public Application draft(ContentItem call, String email) {
    Application draft = newDraft(call, email, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    stores.applications().create(draft);
    return draft;
  }

  /** An application verified and submitted now, with a receipt number; stored through the real rows. */
  public Application submitted(ContentItem call, String email) {
    return submit(newDraft(call, email, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
  }

  /** An application verified and submitted now by {@code name}, with these answers (what a stranger may type). */
  public Application submittedAs(ContentItem call, String name, String email, Map<String, Object> answers) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Application draft = Application.draft(UUID.randomUUID().toString(), call.id(), call.slug(), call.call().form(),
        new Application.Applicant(name, email, "fr"), SecretTokens.hash(TOKEN), at, call.call().closesAt(),
        call.call().closesAt().plus(Duration.ofDays(365)));
    return submit(draft.verified(at).saved(answers, List.of(), at));
  }

  /** A submitted application whose address was never verified, as stored before addresses were. */
  public Application submittedUnverified(ContentItem call, String email) {
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return submit(Application.draft(UUID.randomUUID().toString(), call.id(), call.slug(), call.call().form(),
        new Application.Applicant("Aya Tanaka", email, "fr"), SecretTokens.hash(TOKEN), at, call.call().closesAt(),
        call.call().closesAt().plus(Duration.ofDays(365))));
  }

  private Application submit(Application draft) {
    stores.applications().create(draft);
    Application submitted = draft.submitted(draft.updatedAt(), "T-%05d".formatted(receipts.incrementAndGet()));
    stores.applications().replace(submitted, new ApplicationStore.Stored(draft, 1));
    return submitted;
  }

  /**
   * {@code count} drafts of a call, written in batches from a few threads (they only need to exist: nothing but
   * their number matters to the tests that flood a call).
   */
  public void drafts(ContentItem call, int count) throws InterruptedException {
    var batches = new ArrayList<List<Application>>();
    var batch = new ArrayList<Application>();
    Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < count; i++) {
      batch.add(newDraft(call, "draft-" + i + "@example.org", at));
      if (batch.size() == 25) {
        batches.add(List.copyOf(batch));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      batches.add(List.copyOf(batch));
    }
    try (var pool = Executors.newFixedThreadPool(4)) {
      for (List<Application> drafts : batches) {
        pool.submit(() -> {
          var write = WriteBatch.builder(ApplicationRow.class).mappedTableResource(rows);
          drafts.forEach(d -> write.addPutItem(new ApplicationRow(ApplicationRow.applicationPk(d.id()),
              ApplicationRow.APPLICATION_SK, 1L, null, org.mediaartscities.shared.json.Json.write(d), d.callId(),
              d.id() + "#APP", null)));
          var result = client.batchWriteItem(r -> r.addWriteBatch(write.build()));
          if (!result.unprocessedPutItemsForTable(rows).isEmpty()) {
            throw new IllegalStateException("Unprocessed drafts");
          }
        });
      }
    }
  }

  /**
   * A file of {@code application} announced and landed in the bucket as an applicant's upload leaves it, then
   * checked by the real file function (S3 events delivered).
   */
  public ApplicationFile upload(Application application, String fieldId, String fileName, String contentType,
      byte[] bytes) {
    String id = UUID.randomUUID().toString();
    String extension = switch (contentType) {
      case "application/pdf" -> "pdf";
      case "image/jpeg" -> "jpg";
      case "image/png" -> "png";
      default -> "bin";
    };
    var file = new ApplicationFile(id, application.id(), fieldId, fileName, contentType, bytes.length,
        "applications/" + application.id() + "/" + id + "." + extension, ApplicationFile.Status.PENDING, null,
        Instant.now());
    stores.files().put(application, file);
    try (var s3 = bed.deployment.aws().clients().s3()) {
      s3.putObject(r -> r.bucket(bed.deployment.name("ApplicationsBucket")).key(file.key()).contentType(contentType),
          RequestBody.fromBytes(bytes));
    }
    bed.deployment.s3Events().deliverNew();
    return stores.files().of(application.id()).stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
  }

  private static Application newDraft(ContentItem call, String email, Instant at) {
    Application draft = Application.draft(UUID.randomUUID().toString(), call.id(), call.slug(), call.call().form(),
        new Application.Applicant("Aya Tanaka", email, "fr"), SecretTokens.hash(TOKEN), at, call.call().closesAt(),
        call.call().closesAt().plus(Duration.ofDays(365)));
    return draft.verified(at).saved(Map.of("statement", "Une installation lumineuse entre deux villes."), List.of(),
        at);
  }
}
