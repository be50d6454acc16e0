package org.mediaartscities.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * The city editors' API behind the JWT authorizer: drafts and edits with optimistic locking ({@link ItemEditing}),
 * scheduling, publishing and deletion ({@link Publishing}), calls' application forms ({@link FormEditing}) and
 * juries ({@link JuryEditing}), cities ({@link CityEditing}) and image uploads ({@link MediaUploads}).
 */
public final class AdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Router router;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  /** The constructor Lambda calls: wired from the environment, once per container, and primed for SnapStart. */
  public AdminHandler() {
    AdminConfig config = AdminConfig.fromEnvironment();
    this(config);
    priming = new AdminPriming(this, config).register();
  }

  AdminHandler(AdminConfig config) {
    var items = new StoredItems(config);
    var editing = new ItemEditing(config, items);
    var publishing = new Publishing(items);
    var cities = new CityEditing(config);
    var uploads = new MediaUploads(config);
    var forms = new FormEditing(items);
    var juries = new JuryEditing(config, items);
    var routes = new HashMap<String, Router.Route>();
    routes.put("POST /admin/{kind}", editing::create);
    routes.put("GET /admin/{kind}", editing::list);
    routes.put("GET /admin/{kind}/{id}", editing::get);
    routes.put("PUT /admin/{kind}/{id}", editing::update);
    routes.put("GET /admin/{kind}/{id}/history", editing::history);
    routes.put("POST /admin/{kind}/{id}/publish", publishing::publish);
    routes.put("POST /admin/{kind}/{id}/unpublish", publishing::unpublish);
    routes.put("DELETE /admin/{kind}/{id}", publishing::delete);
    routes.put("GET /admin/calls/{id}/form", forms::get);
    routes.put("PUT /admin/calls/{id}/form", forms::put);
    routes.put("GET /admin/calls/{id}/jury", juries::get);
    routes.put("PUT /admin/calls/{id}/jury", juries::put);
    routes.put("POST /admin/cities", cities::create);
    routes.put("PUT /admin/cities/{slug}", cities::update);
    routes.put("POST /admin/media", uploads::request);
    routes.put("GET /admin/media/{id}", uploads::status);
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  /** The route keys served, for the check against template.yaml. */
  Router router() {
    return router;
  }
}
