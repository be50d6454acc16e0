package org.mediaartscities.applications;

import java.util.ArrayList;
import java.util.List;
import org.mediaartscities.shared.json.Json;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;

/**
 * Reviewers' reviews ({@code sk = REVIEW#{reviewer}} beside their application), and a call's applications with
 * their reviews through the {@code ByCall} index.
 */
public final class ReviewStore {

  private final DynamoDbTable<ApplicationRow> table;

  ReviewStore(DynamoDbTable<ApplicationRow> table) {
    this.table = table;
  }

  /** An application with its reviews. */
  public record Reviewed(ApplicationStore.Stored stored, List<Review> reviews) {}

  /** Writes (or replaces) one reviewer's review of an application. */
  public void put(Application application, Review review) {
    String sk = ApplicationRow.REVIEW_PREFIX + review.reviewer();
    table.putItem(new ApplicationRow(ApplicationRow.applicationPk(application.id()), sk, null, null,
        Json.write(review), application.callId(), application.id() + "#" + sk, ApplicationStore.expiry(application)));
  }

  /** One application's reviews. */
  public List<Review> of(String applicationId) {
    return table.query(QueryConditional.sortBeginsWith(k -> k
            .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.REVIEW_PREFIX)))
        .items().stream().map(row -> Json.read(row.doc(), Review.class)).toList();
  }

  /** Every application of a call with its reviews: one Query on the ByCall index (paged by the SDK). */
  public List<Reviewed> byCall(String callId) {
    var result = new ArrayList<Reviewed>();
    ApplicationStore.Stored current = null;
    var reviews = new ArrayList<Review>();
    for (var page : table.index(ApplicationRow.BY_CALL).query(r -> r.queryConditional(
        QueryConditional.keyEqualTo(k -> k.partitionValue(callId))))) {
      for (ApplicationRow row : page.items()) {
        if (row.sk().equals(ApplicationRow.APPLICATION_SK)) {
          if (current != null) {
            result.add(new Reviewed(current, List.copyOf(reviews)));
          }
          current = new ApplicationStore.Stored(ApplicationStore.read(row.doc()), row.version());
          reviews.clear();
        } else if (row.sk().startsWith(ApplicationRow.REVIEW_PREFIX) && current != null) {
          reviews.add(Json.read(row.doc(), Review.class));
        }
      }
    }
    if (current != null) {
      result.add(new Reviewed(current, List.copyOf(reviews)));
    }
    return result;
  }
}
