package org.mediaartscities.local.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.Template;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, locally: for each {@code SQS} event a function declares in template.yaml,
 * messages waiting in its queue are received in batches of its {@code BatchSize} and delivered as the
 * {@link SQSEvent} AWS would send. As on AWS, a message is deleted once handled; one the function reports as failed
 * ({@code ReportBatchItemFailures}) or a batch whose invocation threw stays in the queue, comes back after the
 * visibility timeout and, past the redrive policy's count, goes to the dead-letter queue (ElasticMQ does that).
 */
public final class LocalSqsEvents {

  private final Template template;
  private final LocalResolver resolver;
  private final LocalFunctions functions;
  private final SqsClient sqs;
  /** Batches being received or handled right now, by any thread: the poller's included. */
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicLong deliveredSoFar = new java.util.concurrent.atomic.AtomicLong();

  public LocalSqsEvents(Template template, LocalResolver resolver, LocalFunctions functions, SqsClient sqs) {
    this.template = template;
    this.resolver = resolver;
    this.functions = functions;
    this.sqs = sqs;
  }

  /**
   * Delivers one batch per subscription if messages are waiting; returns how many messages were delivered. Safe to
   * call from several threads: like Lambda's pollers, each receives its own messages.
   */
  public int deliverAvailable() {
    int delivered = 0;
    for (Template.SqsSubscription subscription : template.sqsSubscriptions()) {
      delivered += deliverBatch(subscription);
    }
    return delivered;
  }

  /** Delivers until no queue has a visible message; returns how many messages were delivered. */
  public int drain() {
    int total = 0;
    for (int delivered = deliverAvailable(); delivered > 0; delivered = deliverAvailable()) {
      total += delivered;
    }
    return total;
  }

  /** Drains with {@code consumers} threads at once, as Lambda runs several instances; returns messages delivered. */
  public int drain(int consumers) {
    var total = new java.util.concurrent.atomic.AtomicInteger();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(consumers)) {
      for (int i = 0; i < consumers; i++) {
        pool.submit(() -> total.addAndGet(drain()));
      }
    }
    return total.get();
  }

  /** Messages delivered since start, by every thread, so that a caller can tell what its own action caused. */
  public long deliveredSoFar() {
    return deliveredSoFar.get();
  }

  /**
   * Delivers what waits, then waits until no batch is in flight on any thread and no message is visible: the
   * background poller may have taken a message a moment before the caller looked.
   */
  public void awaitIdle(java.time.Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (drain() == 0 && inFlight.get() == 0 && drain() == 0) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private int deliverBatch(Template.SqsSubscription subscription) {
    inFlight.incrementAndGet();
    try {
      int delivered = receiveAndDeliver(subscription);
      deliveredSoFar.addAndGet(delivered);
      return delivered;
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private int receiveAndDeliver(Template.SqsSubscription subscription) {
    String queueUrl = resolver.string(Map.of("Ref", subscription.queueId()));
    List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
        .maxNumberOfMessages(Math.min(10, subscription.batchSize()))
        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
    if (messages.isEmpty()) {
      return 0;
    }
    String queueArn = resolver.string(Map.of("Fn::GetAtt", List.of(subscription.queueId(), "Arn")));
    var event = new SQSEvent();
    event.setRecords(messages.stream().map(message -> record(message, queueArn)).toList());
    Set<String> failed = new HashSet<>();
    try {
      Object response = functions.invoke(subscription.functionId(), event);
      if (subscription.reportsItemFailures() && response instanceof SQSBatchResponse batch
          && batch.getBatchItemFailures() != null) {
        batch.getBatchItemFailures().forEach(failure -> failed.add(failure.getItemIdentifier()));
      }
    } catch (RuntimeException e) {
      System.err.println(subscription.functionId() + " failed a batch of " + messages.size() + ": " + e);
      return messages.size();
    }
    for (Message message : messages) {
      if (!failed.contains(message.messageId())) {
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
      }
    }
    return messages.size();
  }

  private static SQSEvent.SQSMessage record(Message message, String queueArn) {
    var record = new SQSEvent.SQSMessage();
    record.setMessageId(message.messageId());
    record.setReceiptHandle(message.receiptHandle());
    record.setBody(message.body());
    record.setMd5OfBody(message.md5OfBody());
    record.setEventSource("aws:sqs");
    record.setEventSourceArn(queueArn);
    record.setAwsRegion(LocalAws.REGION);
    var attributes = new java.util.HashMap<String, String>();
    message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
    record.setAttributes(attributes);
    return record;
  }
}
