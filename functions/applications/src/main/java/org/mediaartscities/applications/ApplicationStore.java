package org.mediaartscities.applications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Stores applications, their email reservations, their call's receipt counter and the per-address mail limits. Every
 * guarantee is the store's, under any concurrency: one submitted application per email and call (a reservation row
 * written in the submission's transaction), receipt numbers without gaps (the counter moves in that same
 * transaction), one status change per version (conditional writes; a lost one is a {@link StoreConflictException}).
 */
public final class ApplicationStore {

  /** The email already holds a submitted application to this call. */
  public static final class AlreadyApplied extends RuntimeException {
    AlreadyApplied() {
      super("already applied", null, false, false);
    }
  }

  /** An application and its version. */
  public record Stored(Application application, long version) {}

  /** A submission that lost to other submissions more often than this gives up with a conflict. */
  static final int SUBMIT_ATTEMPTS = 40;
  private static final String MAILED_PREFIX = "MAILED#";

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> table;

  ApplicationStore(DynamoDbEnhancedClient client, DynamoDbTable<ApplicationRow> table) {
    this.client = client;
    this.table = table;
  }

  /**
   * Stores a new application (a draft: it reserves nothing) at version 1, and, in the same transaction, the row that
   * finds it by its address ({@link #applicationsOf}).
   */
  public void create(Application application) {
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class).item(row(application, 1))
            .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build()).build())
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class).item(new ApplicationRow(
            uniquePk(application), ApplicationRow.BY_ADDRESS_PREFIX + application.id(), null, application.id(), null,
            null, null, expiry(application))).build());
    transact(write, application);
  }

  /**
   * The ids of the applications an address made to a call, at most {@code limit} (those stored before addresses were
   * recorded are not found).
   */
  public List<String> applicationsOf(String callId, String email, int limit) {
    return table.query(r -> r.queryConditional(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.uniquePk(callId, SecretTokens.emailHash(email)))
            .sortValue(ApplicationRow.BY_ADDRESS_PREFIX))).limit(limit))
        .items().stream().limit(limit).map(ApplicationRow::ref).toList();
  }

  /**
   * Submits a draft: in one transaction, the application becomes {@code numbered} (given the call's next receipt
   * number), the call's counter moves to that number, and, when {@code onePerEmail}, the email's reservation for the
   * call is taken. A transaction lost to another submission to the call is tried again with the next number, so that
   * a refused submission leaves no gap.
   *
   * @param lastNumber reads the call's last receipt number, strongly consistent
   * @return the stored submitted application
   * @throws AlreadyApplied when another application of this email to the call holds the reservation
   * @throws StoreConflictException when the application changed since it was read (or after too many lost races)
   */
  public Stored submit(Stored before, LongFunction<Application> numbered, boolean onePerEmail,
      LongSupplier lastNumber) {
    Application draft = before.application();
    for (int attempt = 0; attempt < SUBMIT_ATTEMPTS; attempt++) {
      long last = lastNumber.getAsLong();
      Application submitted = numbered.apply(last + 1);
      var write = TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(table, replacing(submitted, before))
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
              .item(new ApplicationRow(ApplicationRow.callPk(draft.callId()), ApplicationRow.COUNTER_SK, last + 1,
                  null, null))
              .conditionExpression(counterIs(last)).build());
      if (onePerEmail) {
        write.addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
            .item(new ApplicationRow(uniquePk(draft), ApplicationRow.UNIQUE_SK, null, draft.id(), null, null, null,
                expiry(draft)))
            .conditionExpression(absentOrHeldBy(draft)).build());
      }
      try {
        client.transactWriteItems(write.build());
        return new Stored(submitted, before.version() + 1);
      } catch (TransactionCanceledException e) {
        var reasons = e.cancellationReasons();
        if (Transactions.failed(reasons, 0)) {
          throw new StoreConflictException("application " + draft.id(), e);
        }
        if (onePerEmail && Transactions.failed(reasons, 2)) {
          throw new AlreadyApplied();
        }
        // The counter moved, or DynamoDB saw another transaction on these rows: read the counter again.
        Transactions.pause(attempt, "submission");
      }
    }
    throw new StoreConflictException("receipt counter of call " + draft.callId(), null);
  }

  /**
   * Records that an email of kind {@code kind} goes to an address about a call at {@code now}, unless one went within
   * {@code cooldown}: whether it may go. One conditional write: of parallel requests, one wins.
   */
  public boolean mayMail(String callId, String email, String kind, Instant now, Duration cooldown) {
    var row = new ApplicationRow(ApplicationRow.uniquePk(callId, SecretTokens.emailHash(email)), MAILED_PREFIX + kind,
        now.toEpochMilli(), null, null, null, null, now.plus(cooldown).plus(Duration.ofDays(1)).getEpochSecond());
    try {
      // The row's version holds when the address was last mailed, in epoch milliseconds.
      table.putItem(PutItemEnhancedRequest.builder(ApplicationRow.class).item(row)
          .conditionExpression(Expression.builder().expression("attribute_not_exists(pk) OR #version <= :cutoff")
              .putExpressionName("#version", "version")
              .putExpressionValue(":cutoff", AttributeValue.fromN(Long.toString(now.minus(cooldown).toEpochMilli())))
              .build()).build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /** The application holding an email's reservation for a call: the one it submitted (strongly consistent). */
  public Optional<String> reservation(String callId, String email) {
    return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(Key.builder()
        .partitionValue(ApplicationRow.uniquePk(callId, SecretTokens.emailHash(email)))
        .sortValue(ApplicationRow.UNIQUE_SK).build()))).map(ApplicationRow::ref);
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

  /** As {@link #replace}, also freeing the email's reservation when {@code releaseEmail} (a withdrawal). */
  public long replace(Application application, Stored before, boolean releaseEmail) {
    boolean holds = releaseEmail && application.submittedAt() != null;
    var write = TransactWriteItemsEnhancedRequest.builder().addPutItem(table, replacing(application, before));
    if (holds) {
      write.addDeleteItem(table, releasing(application));
    }
    transact(write, application);
    if (releaseEmail && !holds) {
      releaseIfHeld(application);
    }
    return before.version() + 1;
  }

  /**
   * Starts the applicant's right to erasure: in one transaction the application's row, with its personal data, goes
   * (if it is still at the version it was read at) and a marker holding its tokens' hashes takes its place, so that
   * the same tokens can finish the erasure ({@link #erasing}) if this request stops before the rest is gone. The rows
   * beside it (reviews, file records) and its files' bytes are the caller's next steps, and {@link #finishErasure}
   * the last, which also gives back the email's reservation if the application still holds it.
   *
   * @throws StoreConflictException when it changed since it was read
   */
  public void startErasure(Stored stored) {
    Application application = stored.application();
    var hashes = new ArrayList<String>(application.linkTokenHashes());
    hashes.add(application.tokenHash());
    var marker = new ApplicationRow(ApplicationRow.applicationPk(application.id()), ApplicationRow.ERASING_SK, null,
        null, Json.write(new ErasureMarker(hashes, uniquePk(application))), null, null, expiry(application));
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder().key(key(application.id()))
            .conditionExpression(versionIs(stored.version())).build())
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class).item(marker).build())
        .addDeleteItem(table, TransactDeleteItemEnhancedRequest.builder().key(Key.builder()
            .partitionValue(uniquePk(application)).sortValue(ApplicationRow.BY_ADDRESS_PREFIX + application.id())
            .build()).build());
    transact(write, application);
  }

  /** Whether {@code token} opens the application {@code id} whose erasure started and has not finished. */
  public boolean erasing(String id, String token) {
    boolean match = false;
    for (String hash : marker(id).map(ErasureMarker::tokenHashes).orElse(List.of())) {
      match |= SecretTokens.matches(token, hash);
    }
    return match;
  }

  private Optional<ErasureMarker> marker(String id) {
    ApplicationRow marker = table.getItem(r -> r.consistentRead(true).key(Key.builder()
        .partitionValue(ApplicationRow.applicationPk(id)).sortValue(ApplicationRow.ERASING_SK).build()));
    if (marker == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.readStored(marker.doc(), ErasureMarker.class));
    } catch (IOException e) {
      throw new UncheckedIOException("A stored erasure marker cannot be read", e);
    }
  }

  /**
   * Deletes every row left of an application being erased, its marker last: each step can be run again, by a retry
   * of the erasure, until the marker is gone.
   */
  public void finishErasure(String id) {
    // Drafts stored before reservations moved to submission reserved their email at creation (see releaseIfHeld).
    marker(id).map(ErasureMarker::addressPk).ifPresent(addressPk -> release(Key.builder().partitionValue(addressPk)
        .sortValue(ApplicationRow.UNIQUE_SK).build(), id));
    String pk = ApplicationRow.applicationPk(id);
    table.query(r -> r.consistentRead(true).queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(pk))))
        .items().stream().filter(row -> !row.sk().equals(ApplicationRow.ERASING_SK))
        .forEach(row -> table.deleteItem(Key.builder().partitionValue(pk).sortValue(row.sk()).build()));
    table.deleteItem(Key.builder().partitionValue(pk).sortValue(ApplicationRow.ERASING_SK).build());
  }

  /**
   * What an application being erased keeps until its erasure finishes: what opens it, and where its address's
   * reservation would be (a hash), no personal data.
   */
  record ErasureMarker(List<String> tokenHashes, String addressPk) {}

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
    return TransactDeleteItemEnhancedRequest.builder().key(reservationKey(application))
        .conditionExpression(absentOrHeldBy(application)).build();
  }

  /**
   * Drafts stored before reservations moved to submission reserved their email at creation: a draft that is withdrawn
   * or erased gives it back, if it still holds it (and leaves another application's reservation alone).
   */
  private void releaseIfHeld(Application application) {
    if (application.submittedAt() != null) {
      return;
    }
    release(reservationKey(application), application.id());
  }

  // Deletes the reservation if the application {@code id} holds it.
  private void release(Key reservation, String id) {
    try {
      table.deleteItem(DeleteItemEnhancedRequest.builder().key(reservation)
          .conditionExpression(Expression.builder().expression("#ref = :id").putExpressionName("#ref", "ref")
              .putExpressionValue(":id", AttributeValue.fromS(id)).build()).build());
    } catch (ConditionalCheckFailedException e) {
      // not held by this application: nothing to give back
    }
  }

  private static Key reservationKey(Application application) {
    return Key.builder().partitionValue(uniquePk(application)).sortValue(ApplicationRow.UNIQUE_SK).build();
  }

  private static Expression absentOrHeldBy(Application application) {
    return Expression.builder().expression("attribute_not_exists(pk) OR #ref = :id")
        .putExpressionName("#ref", "ref").putExpressionValue(":id", AttributeValue.fromS(application.id())).build();
  }

  /**
   * The counter still at {@code last}: it keeps the last number in {@code version} (older tables kept it in
   * {@code n}, which {@link ReceiptNumbers#last} also reads; the first submission rewrites it).
   */
  private static Expression counterIs(long last) {
    var names = Map.of("#version", "version", "#n", "n");
    if (last == 0) {
      return Expression.builder().expression("attribute_not_exists(#version) AND attribute_not_exists(#n)")
          .expressionNames(names).build();
    }
    return Expression.builder().expression("#version = :last OR (attribute_not_exists(#version) AND #n = :last)")
        .expressionNames(names).putExpressionValue(":last", AttributeValue.fromN(Long.toString(last))).build();
  }

  private static ApplicationRow row(Application application, long version) {
    return new ApplicationRow(ApplicationRow.applicationPk(application.id()), ApplicationRow.APPLICATION_SK, version,
        null, Json.write(application), application.callId(), application.id() + "#" + ApplicationRow.APPLICATION_SK,
        expiry(application));
  }

  static Key key(String id) {
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
      return Json.readStored(doc, Application.class);
    } catch (IOException e) {
      throw new UncheckedIOException("A stored application cannot be read", e);
    }
  }
}
