package org.mediaartscities.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * AdminFunction's SnapStart hooks: the sample {@code GET /admin/calls/{id}/form} of events/admin (an editor's
 * claims), on the nil UUID, which no item has (items are named by random UUIDs), so the handler checks the caller,
 * reads the table, answers 404 and writes its JSON error; then the sample drafts list of an editor whose city no item
 * can have, whose query finds nothing. Editing, publishing and uploads write, and stay unprimed past the classes they
 * share with this path.
 */
final class AdminPriming extends Priming {

  static final String IMPOSSIBLE_ID = "00000000-0000-0000-0000-000000000000";

  private final AdminHandler handler;
  private final AdminConfig config;
  private volatile APIGatewayV2HTTPResponse answer;
  private volatile APIGatewayV2HTTPResponse listAnswer;

  AdminPriming(AdminHandler handler, AdminConfig config) {
    super("AdminFunction");
    this.handler = handler;
    this.config = config;
  }

  @Override
  protected void prime() {
    APIGatewayV2HTTPEvent event = request("admin/get-call-form.json", "/admin/calls/" + IMPOSSIBLE_ID + "/form",
        "id", IMPOSSIBLE_ID);
    answer = handler.handleRequest(event, context());
    // The drafts list the console opens first, by an editor of a city no item can have: its query finds nothing.
    APIGatewayV2HTTPEvent list = sample("admin/list-news-drafts.json", APIGatewayV2HTTPEvent.class);
    var claims = new HashMap<>(list.getRequestContext().getAuthorizer().getJwt().getClaims());
    claims.put("custom:city", IMPOSSIBLE_SLUG);
    list.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
    listAnswer = handler.handleRequest(list, context());
  }

  @Override
  protected void refresh() {
    config.cursors().refreshRandomness();
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }

  /** The handler's answer to the priming list request, or null before it ran. */
  APIGatewayV2HTTPResponse listAnswer() {
    return listAnswer;
  }
}
