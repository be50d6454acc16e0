package org.mediaartscities.applications.applying;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * ApplicationsFunction's SnapStart hooks: the sample {@code GET /calls/{slug}/form} of events/applications, on a slug
 * longer than any stored one (the admin function cuts slugs at 80 characters), so the handler reads the content
 * table, answers 404 and writes its JSON error; then the view of a call made in memory, with the form an editor
 * saves in events/admin, as a found call would be shown. Applying, saving and submitting write (and mail), and stay
 * unprimed past the classes they share with this path.
 */
final class ApplicationsPriming extends Priming {

  private final ApplicationsHandler handler;
  private volatile APIGatewayV2HTTPResponse answer;
  private volatile String formView;

  ApplicationsPriming(ApplicationsHandler handler) {
    super("ApplicationsFunction");
    this.handler = handler;
  }

  @Override
  protected void prime() throws IOException {
    APIGatewayV2HTTPEvent event = request("applications/get-form.json", "/calls/" + IMPOSSIBLE_SLUG + "/form",
        "slug", IMPOSSIBLE_SLUG);
    answer = handler.handleRequest(event, context());
    // What a found call adds, on a call made here (none is stored for priming to find) with the form an editor
    // saves in events/admin: the form read as stored, its view and the view's JSON.
    String saved = sample("admin/save-call-form.json", APIGatewayV2HTTPEvent.class).getBody();
    ApplicationForm form = Json.readStored(saved, ApplicationForm.class);
    Instant now = Instant.now();
    ContentItem call = new ContentItem("snapstart-priming", Kind.CALL, IMPOSSIBLE_SLUG, IMPOSSIBLE_SLUG, "fr",
        Map.of("fr", Translation.of("Amorçage", "Un appel", "Un appel")), List.of(), List.of(),
        PublicationStatus.PUBLISHED, now, null,
        new CallDetails(now, now.plus(Duration.ofDays(30)), "Europe/Paris", null, form), null);
    formView = Json.writeForPages(FormView.of(call, "fr", now));
  }

  @Override
  protected void refresh() {
    EmailVerification.refreshRandomness();
  }

  /** The handler's answer to the priming request, or null before it ran. */
  APIGatewayV2HTTPResponse answer() {
    return answer;
  }

  /** The JSON of the form view primed on a call made in memory, or null before it ran. */
  String formView() {
    return formView;
  }
}
