package org.mediaartscities.applications.applying;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ApplicationsFunction's SnapStart hooks: the sample {@code GET /calls/{slug}/form} of events/applications, on a slug
 * longer than any stored one (the admin function cuts slugs at 80 characters), so the handler reads the content
 * table, answers 404 and writes its JSON error. Applying, saving and submitting write (and mail), and stay unprimed
 * past the classes they share with this path.
 */
final class ApplicationsPriming extends Priming {

  static final String IMPOSSIBLE_SLUG = "snapstart-priming-" + "0".repeat(72);

  private final ApplicationsHandler handler;
  private volatile APIGatewayV2HTTPResponse answer;

  ApplicationsPriming(ApplicationsHandler handler) {
    super("ApplicationsFunction");
    this.handler = handler;
  }

  @Override
  protected void prime() {
    APIGatewayV2HTTPEvent event = request("applications/get-form.json", "/calls/" + IMPOSSIBLE_SLUG + "/form",
        "slug", IMPOSSIBLE_SLUG);
    answer = handler.handleRequest(event, context());
  }

  @Override
  protected void refresh() {
    EmailVerification.refreshRandomness();
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }
}
