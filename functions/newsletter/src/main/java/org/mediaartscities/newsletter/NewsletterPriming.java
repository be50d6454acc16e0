package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.mediaartscities.shared.mail.MimeMessages;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * NewsletterFunction's SnapStart hooks: the sample {@code GET /newsletter/digests/{id}} of events/newsletter on a run
 * id no run can have, so the handler reads the table, answers 404 and writes its JSON error; and the confirmation
 * email of a subscriber nobody is, built into MIME and not sent. Subscribing and changing preferences write, and stay
 * unprimed past the classes they share with these.
 */
final class NewsletterPriming extends Priming {

  private final NewsletterHandler handler;
  private final NewsletterApiConfig config;
  private volatile APIGatewayV2HTTPResponse answer;
  private volatile byte[] mime;

  NewsletterPriming(NewsletterHandler handler, NewsletterApiConfig config) {
    super("NewsletterFunction");
    this.handler = handler;
    this.config = config;
  }

  @Override
  protected void prime() {
    APIGatewayV2HTTPEvent event = request("newsletter/get-digest.json",
        "/newsletter/digests/" + PrimingSamples.IMPOSSIBLE_RUN, "id", PrimingSamples.IMPOSSIBLE_RUN);
    answer = handler.handleRequest(event, context());
    var subscriber = PrimingSamples.subscriber(config.clock().instant());
    mime = MimeMessages.build(PrimingSamples.FROM, config.emails().confirmation(subscriber, "snapstart.priming"));
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }

  /** The confirmation email priming built and did not send, or null before it ran. */
  byte[] mime() {
    return mime;
  }
}
