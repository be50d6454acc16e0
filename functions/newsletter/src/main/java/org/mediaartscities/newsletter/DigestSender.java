package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.log.Metrics;
import org.mediaartscities.shared.mail.Email;
import org.mediaartscities.shared.queue.SqsBatch;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * Mails one queued batch of a run's subscribers their digest. Each subscriber is read again (an unsubscription since
 * the planning counts), and a send is recorded conditionally before it happens: a redelivered batch, or a subscriber
 * queued twice, is skipped. A failed send gives its record back and fails the message (partial batch response), so
 * that SQS redelivers it; past the queue's redrive count it goes to the dead-letter queue.
 */
public final class DigestSender implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** A queue message: a run and up to {@link DigestPlanner#PER_MESSAGE} subscriber ids. */
  record Batch(String runId, List<String> subscribers) {}

  /** The count of emails a batch sent, which the alarm on a digest that mailed nobody watches. */
  public static final String SENT_METRIC = "DigestEmailsSent";

  private final DigestSenderConfig config;
  private final Map<String, List<DigestItem>> editions = new ConcurrentHashMap<>();
  private final Map<String, DigestRun> runs = new ConcurrentHashMap<>();
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public DigestSender() {
    this(DigestSenderConfig.fromEnvironment());
    priming = new DigestSenderPriming(this, config).register();
  }

  DigestSender(DigestSenderConfig config) {
    this.config = config;
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    return SqsBatch.eachMessage(event, context, "Digest batch", message -> {
      Batch batch = Json.read(message.getBody(), Batch.class);
      int sent = send(batch);
      Logs.info(context, "Digest " + batch.runId() + ": " + sent + " of " + batch.subscribers().size() + " sent");
      Metrics.ofThisFunction().count(SENT_METRIC, sent);
    });
  }

  private int send(Batch batch) {
    DigestRun run = runs.computeIfAbsent(batch.runId(), id -> config.runs().get(id).orElseThrow(() ->
        new IllegalStateException("No digest run " + id)));
    List<DigestItem> edition = editions.computeIfAbsent(run.id(), config.runs()::edition);
    int sent = 0;
    for (Subscriber subscriber : subscribers(batch.subscribers())) {
      if (subscriber.status() != Subscriber.Status.CONFIRMED
          || subscriber.preferences().frequency() != run.frequency()) {
        continue;
      }
      String token = config.tokens().manage(subscriber);
      Optional<Email> digest = config.email().forSubscriber(edition, subscriber, run.until(), token,
          config.apiBaseUrl() + "/newsletter/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
          config.unsubscribeMailto());
      if (digest.isEmpty() || !config.subscribers().claimSend(run.id(), subscriber.id(), run.until())) {
        continue; // nothing for them, or sent already
      }
      config.pace().awaitTurn();
      try {
        config.mailer().send(digest.get());
        sent++;
      } catch (RuntimeException e) {
        config.subscribers().releaseSend(run.id(), subscriber.id());
        throw e;
      }
    }
    return sent;
  }

  /**
   * The batch's subscribers as stored now, each under its current id. A batch planned from legacy rows (or before
   * they moved) names legacy ids: those rows move to their current ids here, so the digest's links carry keyed ids,
   * and a send is claimed under the current id however the batch named it.
   */
  private List<Subscriber> subscribers(List<String> named) {
    List<SubscriberIds.Lookup> lookups = named.stream().map(config.ids()::of).toList();
    var found = new ArrayList<>(config.subscribers().getAll(lookups.stream().map(SubscriberIds.Lookup::current)
        .toList()));
    Set<String> current = new HashSet<>();
    found.forEach(subscriber -> current.add(subscriber.id()));
    for (SubscriberIds.Lookup lookup : lookups) {
      if (lookup.legacy().isPresent() && current.add(lookup.current())) {
        config.subscribers().resolve(lookup).ifPresent(stored -> found.add(stored.subscriber()));
      }
    }
    return found;
  }
}
