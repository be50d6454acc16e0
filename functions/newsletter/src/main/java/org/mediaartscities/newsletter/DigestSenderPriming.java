package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Instant;
import java.util.List;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.mail.MimeMessages;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * DigestSenderFunction's SnapStart hooks: the sample batch of events/newsletter naming a run no run can be, so the
 * handler parses it, reads the run, finds none and reports the message failed (nobody is read or mailed); and the
 * digest of a subscriber nobody is, with its management token, built into MIME and not sent. Claiming a send and
 * sending stay unprimed.
 */
final class DigestSenderPriming extends Priming {

  private final DigestSender handler;
  private final DigestSenderConfig config;
  private volatile SQSBatchResponse answer;
  private volatile byte[] mime;

  DigestSenderPriming(DigestSender handler, DigestSenderConfig config) {
    super("DigestSenderFunction");
    this.handler = handler;
    this.config = config;
  }

  @Override
  protected void prime() {
    SQSEvent event = sample("newsletter/digest-batch-redelivered.json", SQSEvent.class);
    event.setRecords(List.of(event.getRecords().getFirst()));
    event.getRecords().getFirst().setBody(Json.write(new DigestSender.Batch(PrimingSamples.IMPOSSIBLE_RUN,
        List.of())));
    answer = handler.handleRequest(event, context());
    Instant now = Instant.now();
    Subscriber subscriber = PrimingSamples.subscriber(now);
    String token = new NewsletterTokens(Priming.SECRET).manage(subscriber);
    config.email().forSubscriber(List.of(PrimingSamples.item(now)), subscriber, now, token,
        config.apiBaseUrl() + "/newsletter/unsubscribe?token=" + token, config.unsubscribeMailto())
        .ifPresent(email -> mime = MimeMessages.build(PrimingSamples.FROM, email));
  }

  /** The handler's answer to the priming batch, or null before it ran. */
  SQSBatchResponse answer() {
    return answer;
  }

  /** The digest priming built and did not send, or null before it ran. */
  byte[] mime() {
    return mime;
  }
}
