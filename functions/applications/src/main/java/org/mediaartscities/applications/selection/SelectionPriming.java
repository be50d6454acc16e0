package org.mediaartscities.applications.selection;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * SelectionFunction's SnapStart hooks: the sample {@code GET /admin/calls/{id}/applications} of events/selection (an
 * admin's claims), on the nil UUID, which no call has (items are named by random UUIDs), so the handler checks the
 * caller, reads the content table, answers 404 and writes its JSON error. Reviews, decisions and exports write, and
 * stay unprimed past the classes they share with this path.
 */
final class SelectionPriming extends Priming {

  static final String IMPOSSIBLE_ID = "00000000-0000-0000-0000-000000000000";

  private final SelectionHandler handler;
  private final SelectionConfig config;
  private volatile APIGatewayV2HTTPResponse answer;

  SelectionPriming(SelectionHandler handler, SelectionConfig config) {
    super("SelectionFunction");
    this.handler = handler;
    this.config = config;
  }

  @Override
  protected void prime() {
    APIGatewayV2HTTPEvent event = request("selection/list-call-applications.json",
        "/admin/calls/" + IMPOSSIBLE_ID + "/applications", "id", IMPOSSIBLE_ID);
    answer = handler.handleRequest(event, context());
  }

  @Override
  protected void refresh() {
    config.cursors().refreshRandomness();
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }
}
