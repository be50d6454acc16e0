package org.mediaartscities.applications;

import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The records of an application's files ({@code sk = FILE#{file id}}); their bytes are in the bucket. A file that
 * counts towards its question's {@code maxFiles} holds one of its slots ({@code sk = SLOT#{field id}#{n}}, n from 1
 * to maxFiles), taken in the transaction that stores it: of parallel announcements, only as many as there are free
 * slots succeed. A rejected or deleted file gives its slot back.
 */
public final class ApplicationFileStore {

  // Attempts against DynamoDB's transaction conflicts (another announcement on the same slot at the same moment).
  private static final int CONFLICT_ATTEMPTS = 20;
  // A JSON string escapes its quotes: this sequence occurs in a file's document only as its status.
  private static final String PENDING = "\"status\":\"pending\"";

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ApplicationRow> table;

  ApplicationFileStore(DynamoDbEnhancedClient client, DynamoDbTable<ApplicationRow> table) {
    this.client = client;
    this.table = table;
  }

  /**
   * Stores a newly announced file in the first free of its question's {@code maxFiles} slots.
   *
   * @return the stored file, with its slot; empty when every slot is taken
   */
  public Optional<ApplicationFile> announce(Application application, ApplicationFile file, int maxFiles) {
    int conflicts = 0;
    for (int n = 1; n <= maxFiles; ) {
      ApplicationFile slotted = file.inSlot(n);
      var write = TransactWriteItemsEnhancedRequest.builder()
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
              .item(row(application, slotted)).conditionExpression(absent()).build())
          .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class)
              .item(new ApplicationRow(ApplicationRow.applicationPk(application.id()), slotKey(file.fieldId(), n),
                  null, file.id(), null, null, null, ApplicationStore.expiry(application)))
              .conditionExpression(absent()).build())
          // An application whose erasure started takes no more files: none is left behind by a race with it.
          .addConditionCheck(table, ConditionCheck.builder().key(ApplicationStore.key(application.id()))
              .conditionExpression(Expression.builder().expression("attribute_exists(pk)").build()).build());
      try {
        client.transactWriteItems(write.build());
        return Optional.of(slotted);
      } catch (TransactionCanceledException e) {
        if (Transactions.failed(e.cancellationReasons(), 2)) {
          throw new StoreConflictException("application " + application.id() + " (being erased)", e);
        }
        if (Transactions.failed(e.cancellationReasons(), 1)) {
          n++; // taken: try the next one
        } else if (++conflicts >= CONFLICT_ATTEMPTS) {
          throw new StoreConflictException("file slots of application " + application.id(), e);
        } else {
          Transactions.pause(conflicts, "announcement");
        }
      }
    }
    return Optional.empty();
  }

  /** Writes (or replaces) a file's record; it expires with its application. */
  public void put(Application application, ApplicationFile file) {
    table.putItem(row(application, file));
  }

  /**
   * Records the file check's outcome for a file still pending, and gives a rejected file's slot back.
   *
   * @return false when the file is gone or was decided meanwhile (by the check of another upload to its URL)
   */
  public boolean decide(Application application, ApplicationFile decided) {
    var write = TransactWriteItemsEnhancedRequest.builder()
        .addPutItem(table, TransactPutItemEnhancedRequest.builder(ApplicationRow.class).item(row(application, decided))
            .conditionExpression(Expression.builder().expression("contains(#doc, :pending)")
                .putExpressionName("#doc", "doc").putExpressionValue(":pending", AttributeValue.fromS(PENDING))
                .build()).build());
    if (decided.status() == ApplicationFile.Status.REJECTED && decided.slot() != null) {
      write.addDeleteItem(table, releasing(decided));
    }
    try {
      client.transactWriteItems(write.build());
      return true;
    } catch (TransactionCanceledException e) {
      return false;
    }
  }

  public List<ApplicationFile> of(String applicationId) {
    // Strongly consistent: an erasure deletes the bytes of every file listed here, and an applicant sees a file
    // announced a moment ago.
    return table.query(r -> r.consistentRead(true).queryConditional(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.FILE_PREFIX))))
        .items().stream().map(row -> Json.read(row.doc(), ApplicationFile.class)).toList();
  }

  /** Deletes a file's record and gives its slot back (unless its rejection already did). */
  public void delete(ApplicationFile file) {
    Key record = Key.builder().partitionValue(ApplicationRow.applicationPk(file.applicationId()))
        .sortValue(ApplicationRow.FILE_PREFIX + file.id()).build();
    if (file.slot() != null) {
      try {
        client.transactWriteItems(TransactWriteItemsEnhancedRequest.builder().addDeleteItem(table, record)
            .addDeleteItem(table, releasing(file)).build());
        return;
      } catch (TransactionCanceledException e) {
        // its slot is no longer its own (the file was rejected meanwhile): the record alone goes
      }
    }
    table.deleteItem(record);
  }

  // Only the file's own slot: once released, a slot may already hold another file.
  private TransactDeleteItemEnhancedRequest releasing(ApplicationFile file) {
    return TransactDeleteItemEnhancedRequest.builder()
        .key(Key.builder().partitionValue(ApplicationRow.applicationPk(file.applicationId()))
            .sortValue(slotKey(file.fieldId(), file.slot())).build())
        .conditionExpression(Expression.builder().expression("#ref = :id").putExpressionName("#ref", "ref")
            .putExpressionValue(":id", AttributeValue.fromS(file.id())).build())
        .build();
  }

  private static ApplicationRow row(Application application, ApplicationFile file) {
    return new ApplicationRow(ApplicationRow.applicationPk(application.id()), ApplicationRow.FILE_PREFIX + file.id(),
        null, null, Json.write(file), null, null, ApplicationStore.expiry(application));
  }

  private static String slotKey(String fieldId, int n) {
    return ApplicationRow.SLOT_PREFIX + fieldId + "#" + n;
  }

  private static Expression absent() {
    return Expression.builder().expression("attribute_not_exists(pk)").build();
  }

}
