package org.mediaartscities.applications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Reviewers' reviews and recusals ({@code sk = REVIEW#{reviewer}} beside their application: one row per reviewer,
 * so that a review and a recusal of the same reviewer always end in one state), and a call's submitted applications
 * with their reviews, page by page, through the sparse {@code Submitted} index (drafts are never read).
 */
public final class ReviewStore {

  /** Applications one page may examine before it returns a short page with a position: bounds a filter's cost. */
  static final int MAX_EXAMINED = 1000;
  private static final int ROWS_PER_REQUEST = 200;
  private static final int RECUSAL_ATTEMPTS = 10;

  private final DynamoDbTable<ApplicationRow> table;

  ReviewStore(DynamoDbTable<ApplicationRow> table) {
    this.table = table;
  }

  /** A submitted application with its reviews and recusals. */
  public record Reviewed(ApplicationStore.Stored stored, List<Review> reviews) {

    public Application application() {
      return stored.application();
    }

    /** The recusals, with their reasons: for the call's editors. */
    public List<Review> recusals() {
      return reviews.stream().filter(Review::isRecusal).toList();
    }
  }

  /**
   * Submitted applications in submission order, and where the next page starts (null after the last).
   *
   * @param next an opaque position for {@link #submitted}; callers seal it in a cursor
   */
  public record Page(List<Reviewed> items, Map<String, String> next) {}

  /**
   * Writes (or replaces) one reviewer's review of an application, unless they recused themselves from it.
   *
   * @return false when the reviewer recused themselves (before, or while this was being written)
   */
  public boolean put(Application application, Review review) {
    try {
      table.putItem(PutItemEnhancedRequest.builder(ApplicationRow.class).item(row(application, review))
          .conditionExpression(Expression.builder().expression("attribute_not_exists(#ref)")
              .putExpressionName("#ref", "ref").build())
          .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  /**
   * Records a reviewer's recusal from an application; a review they gave stays for the record and leaves the mean.
   * Recusing twice keeps the first recusal. Safe against a review of the same reviewer written at the same time:
   * the row is replaced only if it is still as it was read.
   *
   * @return the reviewer's row as it now is
   */
  public Review recuse(Application application, String reviewer, String email, String reason, Instant at) {
    for (int attempt = 0; attempt < RECUSAL_ATTEMPTS; attempt++) {
      ApplicationRow current = table.getItem(r -> r.consistentRead(true).key(key(application.id(), reviewer)));
      Review before = current == null ? null : Json.read(current.doc(), Review.class);
      if (before != null && before.isRecusal()) {
        return before;
      }
      Review recused = before == null ? Review.recusal(reviewer, email, reason, at) : before.recused(reason, at);
      Expression unchanged = current == null
          ? Expression.builder().expression("attribute_not_exists(pk)").build()
          : Expression.builder().expression("#doc = :doc").putExpressionName("#doc", "doc")
              .putExpressionValue(":doc", AttributeValue.fromS(current.doc())).build();
      try {
        table.putItem(PutItemEnhancedRequest.builder(ApplicationRow.class).item(row(application, recused))
            .conditionExpression(unchanged).build());
        return recused;
      } catch (ConditionalCheckFailedException e) {
        // The reviewer's review changed meanwhile: read it again and recuse from that one.
      }
    }
    throw new StoreConflictException("recusal from application " + application.id(), null);
  }

  /** One application's reviews and recusals, as last written. */
  public List<Review> of(String applicationId) {
    return table.query(QueryEnhancedRequest.builder().consistentRead(true)
            .queryConditional(QueryConditional.sortBeginsWith(k -> k
                .partitionValue(ApplicationRow.applicationPk(applicationId)).sortValue(ApplicationRow.REVIEW_PREFIX)))
            .build())
        .items().stream().map(row -> Json.read(row.doc(), Review.class)).toList();
  }

  /** One reviewer's review or recusal of an application. */
  public Optional<Review> of(String applicationId, String reviewer) {
    return Optional.ofNullable(table.getItem(r -> r.consistentRead(true).key(key(applicationId, reviewer))))
        .map(row -> Json.read(row.doc(), Review.class));
  }

  /**
   * Up to {@code limit} of a call's submitted applications that pass {@code keep}, after {@code after} (null: from
   * the first). The page is shorter, with a position, when {@link #MAX_EXAMINED} applications were examined first.
   * Following the positions to the end yields every submitted application exactly once.
   */
  public Page submitted(String callId, int limit, Map<String, String> after, Predicate<Reviewed> keep) {
    var items = new ArrayList<Reviewed>();
    int[] examined = {0};
    Map<String, String> next = walk(callId, after, reviewed -> {
      if (keep.test(reviewed)) {
        items.add(reviewed);
      }
      return items.size() < limit && ++examined[0] < MAX_EXAMINED;
    });
    return new Page(items, next);
  }

  /** How many submitted applications a call has: one counting Query on the index, no document sent back. */
  public int countSubmitted(String callId) {
    int count = 0;
    for (var page : table.index(ApplicationRow.SUBMITTED).query(QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(ApplicationRow.callPk(callId))))
        .filterExpression(Expression.builder().expression("#sk = :application").putExpressionName("#sk", "sk")
            .putExpressionValue(":application", AttributeValue.fromS(ApplicationRow.APPLICATION_SK)).build())
        .select(Select.COUNT)
        .build())) {
      count += page.count() == null ? 0 : page.count();
    }
    return count;
  }

  /** Every submitted application of a call, in submission order, one at a time (never all of them in memory). */
  public void eachSubmitted(String callId, Consumer<Reviewed> each) {
    walk(callId, null, reviewed -> {
      each.accept(reviewed);
      return true;
    });
  }

  /**
   * Reads the call's {@code Submitted} partition from {@code after}, giving each application with the review rows
   * that follow it to {@code visit} until it answers false; returns the position after the last row of that
   * application, or null when the partition was read to its end. Reviews of a withdrawn application (which left the
   * index) follow no application row of theirs and are skipped.
   */
  private Map<String, String> walk(String callId, Map<String, String> after, Predicate<Reviewed> visit) {
    var request = QueryEnhancedRequest.builder()
        .queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(ApplicationRow.callPk(callId))))
        .limit(ROWS_PER_REQUEST)
        .exclusiveStartKey(after == null ? null : attributes(after))
        .build();
    ApplicationRow application = null;
    var reviews = new ArrayList<Review>();
    ApplicationRow last = null;
    for (var page : table.index(ApplicationRow.SUBMITTED).query(request)) {
      for (ApplicationRow row : page.items()) {
        if (ApplicationRow.APPLICATION_SK.equals(row.sk())) {
          if (application != null && !visit.test(reviewed(application, reviews))) {
            return position(last);
          }
          application = row;
          reviews.clear();
        } else if (application != null && row.sk().startsWith(ApplicationRow.REVIEW_PREFIX)
            && row.submittedSk().startsWith(application.submittedSk() + "#")) {
          reviews.add(Json.read(row.doc(), Review.class));
        }
        last = row;
      }
    }
    if (application != null) {
      visit.test(reviewed(application, reviews));
    }
    return null;
  }

  private static Reviewed reviewed(ApplicationRow row, List<Review> reviews) {
    return new Reviewed(new ApplicationStore.Stored(ApplicationStore.read(row.doc()), row.version()),
        List.copyOf(reviews));
  }

  private static Map<String, String> position(ApplicationRow row) {
    return Map.of("pk", row.pk(), "sk", row.sk(), "submittedPk", row.submittedPk(), "submittedSk",
        row.submittedSk());
  }

  private static Map<String, AttributeValue> attributes(Map<String, String> position) {
    var attributes = new HashMap<String, AttributeValue>();
    for (String name : List.of("pk", "sk", "submittedPk", "submittedSk")) {
      String value = position.get(name);
      if (value == null) {
        throw new IllegalArgumentException("Not a position in the Submitted index: " + position.keySet());
      }
      attributes.put(name, AttributeValue.fromS(value));
    }
    return attributes;
  }

  private static ApplicationRow row(Application application, Review review) {
    String sk = ApplicationRow.REVIEW_PREFIX + review.reviewer();
    boolean submitted = application.isSubmitted();
    return new ApplicationRow(ApplicationRow.applicationPk(application.id()), sk, null,
        review.isRecusal() ? ApplicationRow.RECUSED : null, Json.write(review), null, null,
        ApplicationStore.expiry(application), submitted ? ApplicationRow.callPk(application.callId()) : null,
        submitted ? ApplicationRow.submittedSk(application) + "#" + sk : null);
  }

  private static Key key(String applicationId, String reviewer) {
    return Key.builder().partitionValue(ApplicationRow.applicationPk(applicationId))
        .sortValue(ApplicationRow.REVIEW_PREFIX + reviewer).build();
  }
}
