package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * The newsletter's public routes: subscribing (double opt-in, the same answer for every address) and confirming,
 * preferences and one-click unsubscribing with the token of any newsletter email, and the digests' archive.
 */
public final class NewsletterHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Router router;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public NewsletterHandler() {
    NewsletterApiConfig config = NewsletterApiConfig.fromEnvironment();
    this(config);
    priming = new NewsletterPriming(this, config).register();
  }

  NewsletterHandler(NewsletterApiConfig config) {
    var subscribing = new Subscribing(config);
    var access = new SubscriberAccess(config);
    var preferences = new ManagingPreferences(config, access);
    var unsubscribing = new Unsubscribing(config, access);
    var archive = new DigestArchive(config.runs());
    this.router = new Router(Map.of(
        "POST /newsletter/subscriptions", subscribing::subscribe,
        "POST /newsletter/confirm", subscribing::confirm,
        "GET /newsletter/preferences", preferences::get,
        "PUT /newsletter/preferences", preferences::update,
        "GET /newsletter/unsubscribe", unsubscribing::page,
        "POST /newsletter/unsubscribe", unsubscribing::unsubscribe,
        "GET /newsletter/digests", archive::list,
        "GET /newsletter/digests/{id}", archive::get));
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }
}
