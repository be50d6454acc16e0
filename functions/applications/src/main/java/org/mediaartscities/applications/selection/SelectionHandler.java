package org.mediaartscities.applications.selection;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Set;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * SelectionFunction, the jury's and the editors' routes on applications (behind the JWT authorizer): a juror's calls
 * ({@link JuryCalls}), a call's applications ({@link JuryList}), reviewing and recusing ({@link JuryReview}),
 * deciding and extending ({@link EditorDecisions}), and exports ({@link CallExports}); who may do which is
 * {@link JuryAccess}.
 */
public final class SelectionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Router router;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public SelectionHandler() {
    SelectionConfig config = SelectionConfig.fromEnvironment();
    this(config);
    priming = new SelectionPriming(this, config).register();
  }

  SelectionHandler(SelectionConfig config) {
    var lookup = new Lookup(config);
    var views = new ReviewView(config);
    var jury = new JuryReview(config, lookup, views);
    var lists = new JuryList(config, lookup);
    var calls = new JuryCalls(config);
    var editors = new EditorDecisions(config, lookup, views);
    var exports = new CallExports(config, editors);
    var routes = new HashMap<String, Router.Route>();
    routes.put("GET /admin/jury/calls", calls::list);
    routes.put("GET /admin/calls/{id}/applications", lists::list);
    routes.put("GET /admin/applications/{id}", jury::detail);
    routes.put("PUT /admin/applications/{id}/review", jury::review);
    routes.put("POST /admin/applications/{id}/recusal", jury::recuse);
    routes.put("POST /admin/applications/{id}/decision", editors::decide);
    routes.put("POST /admin/applications/{id}/extension", editors::extend);
    routes.put("GET /admin/calls/{id}/outbox", editors::outbox);
    routes.put("POST /admin/calls/{id}/outbox/send", editors::sendOutbox);
    routes.put("GET /admin/calls/{id}/export.csv", exports::csv);
    routes.put("POST /admin/calls/{id}/exports", exports::requestZip);
    routes.put("GET /admin/calls/{id}/exports/{exportId}", exports::zipStatus);
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  /** The route keys served, for the check against template.yaml. */
  public Set<String> routeKeys() {
    return router.routeKeys();
  }
}
