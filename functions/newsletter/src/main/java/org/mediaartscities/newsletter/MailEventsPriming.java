package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * MailEventsFunction's SnapStart hooks: the sample hard bounce of events/newsletter, for a recipient that is not an
 * address (no subscription accepts it, so no subscriber has it), so the handler parses the notification, looks the
 * subscriber up, finds none and suppresses nobody. The suppression's write stays unprimed.
 */
final class MailEventsPriming extends Priming {

  static final String IMPOSSIBLE_RECIPIENT = "snapstart priming";

  private final MailEventsConfig config;
  private volatile boolean known;

  MailEventsPriming(MailEventsConfig config) {
    super("MailEventsFunction");
    this.config = config;
  }

  @Override
  protected void prime() {
    SNSEvent event = sample("newsletter/ses-hard-bounce.json", SNSEvent.class);
    event.getRecords().getFirst().getSNS().setMessage(Json.write(Map.of("eventType", "Bounce", "bounce", Map.of(
        "bounceType", "Permanent", "bouncedRecipients", List.of(Map.of("emailAddress", IMPOSSIBLE_RECIPIENT))))));
    // The handler's own path, keyed for priming: the address key is read in requests only (Priming.SECRET).
    var primed = new MailEventsConfig(config.subscribers(), new SubscriberIds(Priming.SECRET), config.clock());
    new MailEventsHandler(primed).handleRequest(event, context());
    known = primed.subscribers().resolve(primed.ids().ofAddress(IMPOSSIBLE_RECIPIENT)).isPresent();
  }

  /** Whether the impossible recipient was found (it never is); false before priming too. */
  boolean known() {
    return known;
  }
}
