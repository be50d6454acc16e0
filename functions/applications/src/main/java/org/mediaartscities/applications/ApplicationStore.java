package org.mediaartscities.applications;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
          .item(new ApplicationRow(uniquePk(application), ApplicationRow.UNIQUE_SK, null, application.id(), null))
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
            .conditionExpression(Expression.builder().expression("#version = :version")
                .putExpressionName("#version", "version")
                .putExpressionValue(":version", AttributeValue.fromN(Long.toString(before.version()))).build())
            .build());
    if (releaseEmail) {
      write.addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder()
          .key(Key.builder().partitionValue(uniquePk(application)).sortValue(ApplicationRow.UNIQUE_SK).build())
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id")
              .putExpressionName("#ref", "ref").putExpressionValue(":id", AttributeValue.fromS(application.id()))
              .build())
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
        null, Json.write(application));
  }

  private static String uniquePk(Application application) {
    return ApplicationRow.uniquePk(application.callId(), Tokens.emailHash(application.email()));
  }

  private static Application read(String doc) {
    try {
      return READER.readValue(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored application cannot be read", e);
    }
  }

}
