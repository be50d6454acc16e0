package org.mediaartscities.shared.queue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.mediaartscities.shared.log.Logs;

/**
 * Partial batch responses for every SQS-triggered function ({@code FunctionResponseTypes: ReportBatchItemFailures}):
 * a message whose handling throws is reported, so that SQS delivers it again (and, past its queue's
 * {@code maxReceiveCount}, moves it to the dead-letter queue), while the others of its batch are done.
 *
 * <p>Hand-written rather than Powertools' batch module: the loop is a dozen lines, and the module would add its
 * dependencies to the cold start of functions that otherwise need none of them.
 */
public final class SqsBatch {

  private SqsBatch() {}

  /** Hands each message to {@code handler}; {@code what} names the work in the log line of a failure. */
  public static SQSBatchResponse eachMessage(SQSEvent event, Context context, String what,
      Consumer<SQSEvent.SQSMessage> handler) {
    var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        handler.accept(message);
      } catch (RuntimeException e) {
        // The class only: a message can carry personal data, and so can an exception's text.
        Logs.warn(context, what + " " + message.getMessageId() + " failed: " + e.getClass().getSimpleName());
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  /** How many times SQS has delivered this message, this delivery included (1 when SQS does not say). */
  public static int receiveCount(SQSEvent.SQSMessage message) {
    String count = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
    return count == null ? 1 : Integer.parseInt(count);
  }
}
