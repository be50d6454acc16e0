package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.mail.Email;

/**
 * Mails one queued batch of a run's subscribers their digest. Each subscriber is read again (an unsubscription since
 * the planning counts), and a send is recorded conditionally before it happens: a redelivered batch, or a subscriber
 * queued twice, is skipped. A failed send gives its record back and fails the message (partial batch response), so
 * that SQS redelivers it; past the queue's redrive count it goes to the dead-letter queue.
 */
public final class DigestSender implements RequestHandler<SQSEvent, SQSBatchResponse> {

  /** A queue message: a run and up to {@link DigestPlanner#PER_MESSAGE} subscriber ids. */
  record Batch(String runId, List<String> subscribers) {}

  private final NewsletterConfig config;
  private final String apiBaseUrl;
  private final String unsubscribeMailto;
  private final long millisBetweenSends;
  private final Map<String, List<DigestItem>> editions = new ConcurrentHashMap<>();
  private final Map<String, DigestRun> runs = new ConcurrentHashMap<>();
  private long lastSend;

  public DigestSender() {
    this(NewsletterConfig.fromEnvironment(), Env.required("API_BASE_URL"),
        Env.optional("UNSUBSCRIBE_MAILTO").orElse(""),
        pace(Double.parseDouble(Env.optional("SEND_RATE").orElse("14")),
            Integer.parseInt(Env.optional("SENDER_CONCURRENCY").orElse("2"))));
  }

  /** @param millisBetweenSends this instance's share of SES's sending rate, as a pause between two sends */
  DigestSender(NewsletterConfig config, String apiBaseUrl, String unsubscribeMailto, long millisBetweenSends) {
    this.config = config;
    this.apiBaseUrl = apiBaseUrl.replaceAll("/+$", "");
    this.unsubscribeMailto = unsubscribeMailto;
    this.millisBetweenSends = millisBetweenSends;
  }

  /** At most {@code concurrency} instances run at once, so each sends at most rate/concurrency per second. */
  static long pace(double ratePerSecond, int concurrency) {
    return ratePerSecond <= 0 ? 0 : (long) Math.ceil(1000.0 * Math.max(1, concurrency) / ratePerSecond);
  }

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      try {
        Batch batch = Json.read(message.getBody(), Batch.class);
        int sent = send(batch);
        Logs.info(context, "Digest " + batch.runId() + ": " + sent + " of " + batch.subscribers().size() + " sent");
      } catch (RuntimeException e) {
        Logs.warn(context, "Digest batch " + message.getMessageId() + " failed: " + e.getClass().getSimpleName());
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  private int send(Batch batch) {
    DigestRun run = runs.computeIfAbsent(batch.runId(), id -> config.runs().get(id).orElseThrow(() ->
        new IllegalStateException("No digest run " + id)));
    List<DigestItem> edition = editions.computeIfAbsent(run.id(), config.runs()::edition);
    int sent = 0;
    for (Subscriber subscriber : config.subscribers().getAll(batch.subscribers())) {
      if (subscriber.status() != Subscriber.Status.CONFIRMED
          || subscriber.preferences().frequency() != run.frequency()) {
        continue;
      }
      String token = config.tokens().manage(subscriber);
      Optional<Email> digest = config.emails().digest(edition, subscriber, run.until(), config.zone(), token,
          apiBaseUrl + "/newsletter/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
          unsubscribeMailto);
      if (digest.isEmpty() || !config.subscribers().claimSend(run.id(), subscriber.id(), run.until())) {
        continue; // nothing for them, or sent already
      }
      pause();
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

  private void pause() {
    long wait = lastSend + millisBetweenSends - System.currentTimeMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lastSend = System.currentTimeMillis();
  }
}
