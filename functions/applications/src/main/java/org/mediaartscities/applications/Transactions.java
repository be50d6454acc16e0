package org.mediaartscities.applications;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.mediaartscities.shared.store.StoreConflictException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;

/** What the stores' retried transactions share: which condition failed, and a pause before the next attempt. */
final class Transactions {

  private Transactions() {}

  /** Whether the transaction's item at {@code index} was cancelled by its own condition. */
  static boolean failed(List<CancellationReason> reasons, int index) {
    return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
  }

  /** A short random wait, longer as attempts fail, so that parallel writers to one row spread out. */
  static void pause(int attempt, String what) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20 + 10L * Math.min(attempt, 10)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreConflictException("interrupted " + what, e);
    }
  }
}
