package org.mediaartscities.applications.applying;

import java.util.Optional;
import java.util.regex.Pattern;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;

/**
 * What an applicant, who has no account, may reach: a published call that takes applications, by its slug, and an
 * application by its id with one of its secret tokens, until {@link Application#openableAt} says the tokens expired;
 * 404 for anything else.
 */
final class ApplicantAccess {

  private static final Pattern UUID_SYNTAX =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final ApplyingConfig config;

  ApplicantAccess(ApplyingConfig config) {
    this.config = config;
  }

  /** The application named in the path, if the request carries its token. */
  ApplicationStore.Stored application(ApiRequest request) {
    String id = request.path("id");
    String token = token(request);
    Optional<ApplicationStore.Stored> stored = UUID_SYNTAX.matcher(id).matches()
        ? config.applications().get(id) : Optional.empty();
    // The same answer for an unknown id, a wrong token and an expired one: nothing tells which applications exist.
    return stored.filter(s -> s.application().matchesToken(token) && s.application().openableAt(config.now()))
        .orElseThrow(() -> ApiException.notFound("No application with this id and access token."));
  }

  /** The id in the path, if it names an application whose erasure started and the request carries its token. */
  Optional<String> erasing(ApiRequest request) {
    String id = request.path("id");
    return UUID_SYNTAX.matcher(id).matches() && config.applications().erasing(id, token(request))
        ? Optional.of(id) : Optional.empty();
  }

  private static String token(ApiRequest request) {
    return request.header("x-application-token")
        .or(() -> request.header("authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")))
        .orElse(null);
  }

  /** The published call named by the path's slug, if it takes applications on this site. */
  ContentItem call(ApiRequest request) {
    String slug = request.path("slug");
    Optional<ContentItem> call = slug.length() <= 100 && slug.matches("[a-z0-9-]+")
        ? config.calls().publicItem(Kind.CALL, slug, config.now()) : Optional.empty();
    ContentItem found = call.orElseThrow(() -> ApiException.notFound("No call '" + slug + "'."));
    if (found.call().form() == null) {
      throw ApiException.notFound("The call '" + slug + "' does not take applications on this site.");
    }
    return found;
  }

  /** The call an application was made to, while it is published and still takes applications. */
  ContentItem callOf(Application application) {
    return callOf(config.calls(), application).filter(call -> call.isPublicAt(config.now()))
        .orElseThrow(() -> new ApiException(409, "call_withdrawn", "This call is no longer published.", null));
  }

  /** The form an application answers: the copy it was created with (the call's current form for older ones). */
  ApplicationForm formOf(Application application) {
    return application.form() != null ? application.form() : callOf(application).call().form();
  }

  static Optional<ContentItem> callOf(ContentRepository calls, Application application) {
    return calls.item(application.callId()).filter(call -> call.call() != null
        && (application.form() != null || call.call().form() != null));
  }
}
