package org.mediaartscities.applications;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores applications and their email reservations. Every guarantee is the store's, under any concurrency: one
 * application per email and call (a reservation row written in the same transaction), one status change per
 * version (conditional writes; a lost one is a {@link StoreConflictException}).
 */
public final class ApplicationStore {

  /** The email already has an application to this call; {@code existingId} names it. */
  public static final class AlreadyApplied extends RuntimeException {
    private final String existingId;

    AlreadyApplied(String existingId) {
      super("already applied", null, false, false);
      this.existingId = existingId;
    }

    /** The application holding the email's reservation, if it could be read. */
    public Optional<String> existingId() {
      return Optional.ofNullable(existingId);
    }
  }

  /** An application and its version. */
  public record Stored(Application application, long version) {}

  private static final ObjectReader READER =
      Json.MAPPER.readerFor(Application.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> table;

  ApplicationStore(DynamoDbEnhancedClient client, DynamoDbTable<ApplicationRow> table) {
    this.client = client;
    this.table = table;
  }

  /**
   * Stores a new application at version 1, and reserves its email for the call when the call allows one
   * application per person.
   *
   * @throws AlreadyApplied when the email already has an application to the call
   */
  public void create(Application application, boolean onePerEmail) {
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

  public Optional<Stored> get(String id) {
    // Strongly consistent: a submit must see the version just written by a save.
    return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(key(id))))
        .map(row -> new Stored(read(row.doc()), row.version()));
  }

  /**
   * Replaces an application if it is still at the version it was read at.
   *
   * @throws StoreConflictException otherwise
   */
  public long replace(Application application, Stored before) {
    return replace(application, before, false);
  }

  /** As {@link #replace}, also freeing the email's reservation (a withdrawal). */
  public long replace(Application application, Stored before, boolean releaseEmail) {
    var write = TransactWriteItemsEnhancedRequest.builder().addPutItem(table, replacing(application, before));
    if (releaseEmail) {
      write.addDeleteItem(table, releasing(application));
    }
    transact(write, application);
    return before.version() + 1;
  }

  /**
   * Deletes an application with every row beside it (reviews, file records) and its email reservation: the
   * applicant's right to erasure.
   *
   * @throws StoreConflictException when it changed since it was read
   */
  public void delete(Stored stored) {
    Application application = stored.application();
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder().key(key(application.id()))
            .conditionExpression(versionIs(stored.version())).build());
    // A withdrawn application gave its email back already; the reservation may now be another application's.
    if (application.status() != Application.Status.WITHDRAWN) {
      write.addDeleteItem(table, releasing(application));
    }
    transact(write, application);
    table.query(QueryConditional.keyEqualTo(k -> k.partitionValue(ApplicationRow.applicationPk(application.id()))))
        .items().forEach(row -> table.deleteItem(Key.builder().partitionValue(row.pk()).sortValue(row.sk()).build()));
  }

  /** The put of a transaction that replaces {@code application} if it is still at the version it was read at. */
  TransactPutItemEnhancedRequest<ApplicationRow> replacing(Application application, Stored before) {
    return TransactPutItemEnhancedRequest.builder(ApplicationRow.class).item(row(application, before.version() + 1))
        .conditionExpression(versionIs(before.version())).build();
  }

  /** Runs a transaction about {@code application}; a lost condition is a conflict. */
  void transact(TransactWriteItemsEnhancedRequest.Builder write, Application application) {
    try {
      client.transactWriteItems(write.build());
    } catch (TransactionCanceledException e) {
      throw new StoreConflictException("application " + application.id(), e);
    }
  }

  // The reservation is absent, or this application's: never another application's.
  private TransactDeleteItemEnhancedRequest releasing(Application application) {
    return TransactDeleteItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(uniquePk(application)).sortValue(ApplicationRow.UNIQUE_SK).build())
        .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id")
            .putExpressionName("#ref", "ref").putExpressionValue(":id", AttributeValue.fromS(application.id()))
            .build())
        .build();
  }

  private static ApplicationRow row(Application application, long version) {
    return new ApplicationRow(ApplicationRow.applicationPk(application.id()), ApplicationRow.APPLICATION_SK, version,
        null, Json.write(application), application.callId(), application.id() + "#" + ApplicationRow.APPLICATION_SK,
        expiry(application));
  }

  private static Key key(String id) {
    return Key.builder().partitionValue(ApplicationRow.applicationPk(id)).sortValue(ApplicationRow.APPLICATION_SK)
        .build();
  }

  private static Expression versionIs(long version) {
    return Expression.builder().expression("#version = :version").putExpressionName("#version", "version")
        .putExpressionValue(":version", AttributeValue.fromN(Long.toString(version))).build();
  }

  /** When every row of an application expires (DynamoDB's time to live), in epoch seconds. */
  static Long expiry(Application application) {
    return application.expiresAt() == null ? null : application.expiresAt().getEpochSecond();
  }

  private static String uniquePk(Application application) {
    return ApplicationRow.uniquePk(application.callId(), SecretTokens.emailHash(application.email()));
  }

  static Application read(String doc) {
    try {
      return READER.readValue(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored application cannot be read", e);
    }
  }
}
