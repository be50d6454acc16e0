package org.mediaartscities.applications;

import java.time.Instant;
import java.util.List;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A call's decision emails ({@code pk = CALL#{callId}}, {@code sk = OUTBOX#{application id}}), prepared with each
 * decision and sent all at once by an editor. An email expires with its application (DynamoDB's time to live): the
 * applicant's address and the decision are not kept longer in the outbox than in the application.
 */
public final class DecisionOutbox {

  private static final int MARK_ATTEMPTS = 5;

  private final DynamoDbTable<ApplicationRow> table;
  private final ApplicationStore applications;

  DecisionOutbox(DynamoDbEnhancedClient client, DynamoDbTable<ApplicationRow> table) {
    this.table = table;
    this.applications = new ApplicationStore(client, table);
  }

  /**
   * Records a decision and prepares its email in the call's outbox, in one transaction: never a decision without
   * its email, nor an email for a decision that did not happen. An application whose address was never verified
   * gets its decision and no email: the site mails only addresses their owners proved.
   *
   * @throws StoreConflictException when the application changed since it was read
   */
  public void decide(Application decided, ApplicationStore.Stored before, PreparedEmail email) {
    var write = TransactWriteItemsEnhancedRequest.builder().addPutItem(table, applications.replacing(decided, before));
    if (decided.emailVerified()) {
      write.addPutItem(table, row(decided.callId(), email, ApplicationStore.expiry(decided)));
    } else {
      write.addDeleteItem(table, Key.builder().partitionValue(ApplicationRow.callPk(decided.callId()))
          .sortValue(ApplicationRow.OUTBOX_PREFIX + decided.id()).build());
    }
    applications.transact(write, decided);
  }

  /**
   * Marks the application's decision as mailed, so that its applicant now sees it (and never before): called once
   * its email was sent. Retried against concurrent changes of the application (a review, a withdrawal).
   *
   * @return false when the application is gone or kept changing
   */
  public boolean markSent(String applicationId, Application.Status mailed, Instant at) {
    for (int attempt = 0; attempt < MARK_ATTEMPTS; attempt++) {
      var stored = applications.get(applicationId);
      if (stored.isEmpty()) {
        return false;
      }
      try {
        applications.replace(stored.get().application().decisionSent(mailed, at), stored.get());
        return true;
      } catch (StoreConflictException e) {
        // changed meanwhile: read it again
      }
    }
    return false;
  }

  public List<PreparedEmail> of(String callId) {
    return table.query(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.callPk(callId)).sortValue(ApplicationRow.OUTBOX_PREFIX)))
        .items().stream().map(row -> Json.read(row.doc(), PreparedEmail.class)).toList();
  }

  /**
   * Replaces a prepared email by {@code next} if nobody else did: marking one sent (or back to unsent after a
   * failure) this way makes "send all" safe to run twice at once.
   *
   * @return false when another writer changed it first
   */
  public boolean replace(String callId, PreparedEmail current, PreparedEmail next) {
    try {
      // An update that leaves out nulls: the row keeps the expiry it was prepared with.
      table.updateItem(UpdateItemEnhancedRequest.builder(ApplicationRow.class).item(row(callId, next, null))
          .ignoreNulls(true)
          .conditionExpression(Expression.builder().expression("#doc = :doc").putExpressionName("#doc", "doc")
              .putExpressionValue(":doc", AttributeValue.fromS(Json.write(current))).build())
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static ApplicationRow row(String callId, PreparedEmail email, Long expiresAt) {
    return new ApplicationRow(ApplicationRow.callPk(callId), ApplicationRow.OUTBOX_PREFIX + email.applicationId(),
        null, null, Json.write(email), null, null, expiresAt);
  }
}
