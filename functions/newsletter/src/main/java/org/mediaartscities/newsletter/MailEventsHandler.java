package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.snapstart.Priming;
import org.mediaartscities.shared.store.StoreConflictException;

/**
 * SES's bounce and complaint events (configuration set → SNS → here): a hard bounce or a complaint suppresses the
 * address, which is then never mailed again, whoever subscribes it, until an operator lifts the suppression
 * (docs/OPERATIONS.md). Soft bounces are left to SES's
 * own retries. Repeated events change nothing more.
 */
public final class MailEventsHandler implements RequestHandler<SNSEvent, Void> {

  /** Writes lost to a concurrent change (a confirmation, an unsubscription) before the event fails. */
  static final int ATTEMPTS = 3;

  private final MailEventsConfig config;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public MailEventsHandler() {
    this(MailEventsConfig.fromEnvironment());
    priming = new MailEventsPriming(config).register();
  }

  MailEventsHandler(MailEventsConfig config) {
    this.config = config;
  }

  @Override
  public Void handleRequest(SNSEvent event, Context context) {
    for (SNSEvent.SNSRecord record : event.getRecords()) {
      JsonNode message;
      try {
        message = Json.MAPPER.readTree(record.getSNS().getMessage());
      } catch (IOException e) {
        Logs.warn(context, "Skipping an SNS message that is not JSON: " + record.getSNS().getMessageId());
        continue;
      }
      // Configuration-set events say eventType; identity notifications say notificationType.
      String type = message.path("eventType").asText(message.path("notificationType").asText(""));
      List<String> addresses = new ArrayList<>();
      String reason = null;
      if (type.equals("Bounce") && message.path("bounce").path("bounceType").asText().equals("Permanent")) {
        message.path("bounce").path("bouncedRecipients").forEach(r -> addresses.add(r.path("emailAddress").asText()));
        reason = "bounce";
      } else if (type.equals("Complaint")) {
        message.path("complaint").path("complainedRecipients")
            .forEach(r -> addresses.add(r.path("emailAddress").asText()));
        reason = "complaint";
      }
      for (String address : addresses) {
        if (suppress(address, reason)) {
          Logs.info(context, "Suppressed a subscriber after a " + reason);
        }
      }
    }
    return null;
  }

  private boolean suppress(String address, String reason) {
    SubscriberIds.Lookup lookup = config.ids().ofAddress(address);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<SubscriberStore.Stored> stored = config.subscribers().resolve(lookup);
      if (stored.isEmpty() || stored.get().subscriber().status() == Subscriber.Status.SUPPRESSED) {
        return false;
      }
      try {
        config.subscribers().put(stored.get().subscriber().suppressed(reason, config.clock().instant()), stored);
        return true;
      } catch (StoreConflictException e) {
        // changed meanwhile: read it again
      }
    }
    throw new IllegalStateException("Could not suppress a subscriber after " + ATTEMPTS + " conflicts");
  }
}
