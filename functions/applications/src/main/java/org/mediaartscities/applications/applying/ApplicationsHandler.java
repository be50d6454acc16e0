package org.mediaartscities.applications.applying;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Set;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ApplicationsFunction, the applicant's routes (public: anyone may apply, without an account; an application is
 * reached with its secret token): the form, a new application, the proof of its address, its draft, submission, files,
 * withdrawal, a copy of the data and erasure.
 */
public final class ApplicationsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final Router router;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public ApplicationsHandler() {
    this(ApplyingConfig.fromEnvironment());
    priming = new ApplicationsPriming(this).register();
  }

  ApplicationsHandler(ApplyingConfig config) {
    var access = new ApplicantAccess(config);
    var views = new ApplicantView(config);
    var links = new AccessLinks(config);
    var verification = new EmailVerification(config, access, views, links);
    var applying = new Applying(config, access, views, links, verification);
    var files = new ApplicantFiles(config, access);
    var routes = new HashMap<String, Router.Route>();
    routes.put("GET /calls/{slug}/form", applying::form);
    routes.put("POST /calls/{slug}/applications", applying::create);
    routes.put("POST /calls/{slug}/application-links", applying::requestLinks);
    routes.put("GET /applications/{id}", applying::get);
    routes.put("PUT /applications/{id}", applying::save);
    routes.put("POST /applications/{id}/verify", verification::verify);
    routes.put("POST /applications/{id}/verification", verification::resend);
    routes.put("POST /applications/{id}/submit", applying::submit);
    routes.put("POST /applications/{id}/withdraw", applying::withdraw);
    routes.put("GET /applications/{id}/export", applying::export);
    routes.put("DELETE /applications/{id}", applying::delete);
    routes.put("POST /applications/{id}/files", files::announce);
    routes.put("DELETE /applications/{id}/files/{fileId}", files::delete);
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
