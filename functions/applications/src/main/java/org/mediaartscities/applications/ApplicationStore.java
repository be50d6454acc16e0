package org.mediaartscities.applications;

import org.mediaartscities.shared.auth.SecretTokens;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores applications. Every guarantee is the store's, under any concurrency: one application per email and call
 * (a reservation row written in the same transaction), one status change per version (conditional writes),
 * receipt numbers from an atomic counter.
 */
final class ApplicationStore {

  /** The email already has an application to this call; {@code existingId} names it. */
  static final class AlreadyApplied extends RuntimeException {
    final String existingId;

    AlreadyApplied(String existingId) {
      super("already applied", null, false, false);
      this.existingId = existingId;
    }
  }

  /** The application changed since it was read (another request got there first). */
  static final class Conflict extends RuntimeException {
    Conflict() {
      super("conflict", null, false, false);
    }
  }

  private static final ObjectReader READER =
      Json.MAPPER.readerFor(Application.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final DynamoDbClient dynamoDb;
  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> table;

  ApplicationStore(DynamoDbClient dynamoDb, DynamoDbEnhancedClient client, DynamoDbTable<ApplicationRow> table) {
    this.dynamoDb = dynamoDb;
    this.client = client;
    this.table = table;
  }

  /** The next receipt number of a call: 1, 2, 3... (atomic, never given twice). */
  long nextNumber(String callId) {
    var result = dynamoDb.updateItem(r -> r.tableName(table.tableName())
        .key(Map.of("pk", AttributeValue.fromS(ApplicationRow.callPk(callId)),
            "sk", AttributeValue.fromS(ApplicationRow.COUNTER_SK)))
        .updateExpression("ADD #n :one")
        .expressionAttributeNames(Map.of("#n", "n"))
        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
        .returnValues(ReturnValue.UPDATED_NEW));
    return Long.parseLong(result.attributes().get("n").n());
  }

  /**
   * Stores a new application at version 1, and reserves its email for the call when the call allows one
   * application per person.
   *
   * @throws AlreadyApplied when the email already has an application to the call
   */
  void create(Application application, boolean onePerEmail) {
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
            .item(row(application, 1))
            .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
    if (onePerEmail) {
      write.addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
          .item(new ApplicationRow(uniquePk(application), ApplicationRow.UNIQUE_SK, null, application.id(), null, null,
              null, expiry(application)))
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build());
    }
    try {
      client.transactWriteItems(write.build());
    } catch (TransactionCanceledException e) {
      if (onePerEmail && e.cancellationReasons().size() > 1
          && !"None".equals(e.cancellationReasons().get(1).code())) {
        throw new AlreadyApplied(reservation(application).orElse(null));
      }
      throw e;
    }
  }

  /** The application holding an email's reservation for a call. */
  Optional<String> reservation(Application application) {
    return Optional.ofNullable(table.getItem(Key.builder().partitionValue(uniquePk(application))
        .sortValue(ApplicationRow.UNIQUE_SK).build())).map(ApplicationRow::ref);
  }

  /** An application and its version. */
  record Stored(Application application, long version) {}

  Optional<Stored> get(String id) {
    // Strongly consistent: a submit must see the version just written by a save.
    return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
            .partitionValue(ApplicationRow.applicationPk(id)).sortValue(ApplicationRow.APPLICATION_SK).build())))
        .map(row -> new Stored(read(row.doc()), row.version()));
  }

  /**
   * Replaces an application if it is still at {@code expectedVersion} and in the status it was read in.
   *
   * @throws Conflict otherwise
   */
  long replace(Application application, Stored before) {
    return replace(application, before, false);
  }

  /** As {@link #replace}, also freeing the email's reservation (a withdrawal). */
  long replace(Application application, Stored before, boolean releaseEmail) {
    long version = before.version() + 1;
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
            .item(row(application, version))
            .conditionExpression(versionIs(before.version()))
            .build());
    if (releaseEmail) {
      write.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(uniquePk(application)).sortValue(ApplicationRow.UNIQUE_SK).build())
          .conditionExpression(freeOrHeldBy(application))
          .build());
    }
    try {
      client.transactWriteItems(write.build());
      return version;
    } catch (TransactionCanceledException e) {
      throw new Conflict();
    }
  }

  private static ApplicationRow row(Application application, long version) {
    return new ApplicationRow(ApplicationRow.applicationPk(application.id()), ApplicationRow.APPLICATION_SK, version,
        null, Json.write(application), application.callId(), application.id() + "#" + ApplicationRow.APPLICATION_SK,
        expiry(application));
  }

  /** Writes (or replaces) one reviewer's review of an application. */
  void putReview(Application application, Review review) {
    table.putItem(new ApplicationRow(ApplicationRow.applicationPk(application.id()),
        ApplicationRow.REVIEW_PREFIX + review.reviewer(), null, null, Json.write(review), application.callId(),
        application.id() + "#" + ApplicationRow.REVIEW_PREFIX + review.reviewer(), expiry(application)));
  }

  /** An application with its reviews. */
  record Reviewed(Stored stored, List<Review> reviews) {}

  /** Every application of a call with its reviews: one Query on the ByCall index (paged by the SDK). */
  List<Reviewed> byCall(String callId) {
    var result = new java.util.ArrayList<Reviewed>();
    Stored current = null;
    var reviews = new java.util.ArrayList<Review>();
    for (var page : table.index(ApplicationRow.BY_CALL).query(r -> r.queryConditional(
        software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo(k -> k.partitionValue(callId))))) {
      for (ApplicationRow row : page.items()) {
        if (row.sk().equals(ApplicationRow.APPLICATION_SK)) {
          if (current != null) {
            result.add(new Reviewed(current, List.copyOf(reviews)));
          }
          current = new Stored(read(row.doc()), row.version());
          reviews.clear();
        } else if (row.sk().startsWith(ApplicationRow.REVIEW_PREFIX) && current != null) {
          reviews.add(readReview(row.doc()));
        }
      }
    }
    if (current != null) {
      result.add(new Reviewed(current, List.copyOf(reviews)));
    }
    return result;
  }

  /** One application's reviews. */
  List<Review> reviews(String applicationId) {
    return table.query(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.REVIEW_PREFIX)))
        .items().stream().map(row -> readReview(row.doc())).toList();
  }

  /**
   * Records a decision and prepares its email in the call's outbox, in one transaction: never a decision without
   * its email, nor an email for a decision that did not happen.
   *
   * @throws Conflict when the application changed since it was read
   */
  void decide(Application decided, Stored before, PreparedEmail email) {
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
            .item(row(decided, before.version() + 1)).conditionExpression(versionIs(before.version())).build())
        .addPutItem(table, new ApplicationRow(ApplicationRow.callPk(decided.callId()),
            ApplicationRow.OUTBOX_PREFIX + email.applicationId(), null, null, Json.write(email)));
    try {
      client.transactWriteItems(write.build());
    } catch (TransactionCanceledException e) {
      throw new Conflict();
    }
  }

  List<PreparedEmail> outbox(String callId) {
    return table.query(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.callPk(callId)).sortValue(ApplicationRow.OUTBOX_PREFIX)))
        .items().stream().map(row -> Json.read(row.doc(), PreparedEmail.class)).toList();
  }

  /**
   * Marks a prepared email sent, if nobody else did: the condition makes "send all" safe to run twice at once.
   *
   * @return false when it was already sent
   */
  boolean markSent(String callId, PreparedEmail email, PreparedEmail sent) {
    try {
      table.putItem(software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest.builder(ApplicationRow.class)
          .item(new ApplicationRow(ApplicationRow.callPk(callId), ApplicationRow.OUTBOX_PREFIX + email.applicationId(),
              null, null, Json.write(sent)))
          .conditionExpression(Expression.builder().expression("#doc = :doc").putExpressionName("#doc", "doc")
              .putExpressionValue(":doc", AttributeValue.fromS(Json.write(email))).build())
          .build());
      return true;
    } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Deletes an application, its reviews and its email reservation: the applicant's right to erasure.
   *
   * @throws Conflict when it changed since it was read
   */
  void delete(Stored stored) {
    Application application = stored.application();
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
            .key(Key.builder().partitionValue(ApplicationRow.applicationPk(application.id()))
                .sortValue(ApplicationRow.APPLICATION_SK).build())
            .conditionExpression(versionIs(stored.version()))
            .build());
    // A withdrawn application gave its email back already; the reservation may now be another application's.
    if (application.status() != Application.Status.WITHDRAWN) {
      write.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(uniquePk(application)).sortValue(ApplicationRow.UNIQUE_SK).build())
          .conditionExpression(freeOrHeldBy(application))
          .build());
    }
    try {
      client.transactWriteItems(write.build());
    } catch (TransactionCanceledException e) {
      throw new Conflict();
    }
    files(application.id()).forEach(this::deleteFile);
    for (Review review : reviews(application.id())) {
      table.deleteItem(Key.builder().partitionValue(ApplicationRow.applicationPk(application.id()))
          .sortValue(ApplicationRow.REVIEW_PREFIX + review.reviewer()).build());
    }
  }

  void putFile(Application application, ApplicationFile file) {
    table.putItem(new ApplicationRow(ApplicationRow.applicationPk(application.id()),
        ApplicationRow.FILE_PREFIX + file.id(), null, null, Json.write(file), null, null, expiry(application)));
  }

  List<ApplicationFile> files(String applicationId) {
    return table.query(software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.FILE_PREFIX)))
        .items().stream().map(row -> Json.read(row.doc(), ApplicationFile.class)).toList();
  }

  void deleteFile(ApplicationFile file) {
    table.deleteItem(Key.builder().partitionValue(ApplicationRow.applicationPk(file.applicationId()))
        .sortValue(ApplicationRow.FILE_PREFIX + file.id()).build());
  }

  // The reservation is absent, or this application's: never another application's.
  private static Expression freeOrHeldBy(Application application) {
    return Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id").putExpressionName("#ref", "ref")
        .putExpressionValue(":id", AttributeValue.fromS(application.id())).build();
  }

  private static Expression versionIs(long version) {
    return Expression.builder().expression("#version = :version").putExpressionName("#version", "version")
        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version))).build();
  }

  private static Long expiry(Application application) {
    return application.expiresAt() == null ? null : application.expiresAt().getEpochSecond();
  }

  private static Review readReview(String doc) {
    return Json.read(doc, Review.class);
  }

  private static String uniquePk(Application application) {
    return ApplicationRow.uniquePk(application.callId(), SecretTokens.emailHash(application.email()));
  }

  private static Application read(String doc) {
    try {
      return READER.readValue(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored application cannot be read", e);
    }
  }

}
