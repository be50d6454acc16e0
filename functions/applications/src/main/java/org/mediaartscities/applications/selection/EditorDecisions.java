package org.mediaartscities.applications.selection;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationEmails;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.PreparedEmail;
import org.mediaartscities.applications.SubmissionWindow;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.i18n.LanguagePreference;

/**
 * The editors' work on a call's applications: decisions (whose emails wait in the call's outbox until sent all at
 * once) and late-submission extensions for one applicant.
 */
final class EditorDecisions {

  /** Decision emails mailed by one "send": about 100 ms each, well within the function's 10-second timeout. */
  static final int SENDS_PER_REQUEST = 50;

  private static final String NO_STORE = JuryReview.NO_STORE;
  /** A decision as editors give it, and the status it leads to. */
  private static final Map<String, Application.Status> DECISIONS = Map.of("shortlist",
      Application.Status.SHORTLISTED, "accept", Application.Status.ACCEPTED, "reject", Application.Status.REJECTED);

  private final SelectionConfig config;
  private final Lookup lookup;
  private final ReviewView views;

  EditorDecisions(SelectionConfig config, Lookup lookup, ReviewView views) {
    this.config = config;
    this.lookup = lookup;
    this.views = views;
  }

  record DecisionInput(String decision) {}

  record ExtensionInput(String until) {}

  /** The application an editor's route names, with the editor's access to its call. */
  private record Target(ApplicationStore.Stored stored, JuryAccess access) {}

  private Target target(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = lookup.application(request.path("id"));
    return new Target(stored, JuryAccess.toDecide(caller, lookup.call(stored.application().callId())));
  }

  ApiResponse decide(ApiRequest request) {
    Target target = target(request);
    ApplicationStore.Stored stored = target.stored();
    JuryAccess access = target.access();
    DecisionInput input = JsonBody.parse(request, DecisionInput.class);
    Application.Status decision = DECISIONS.get(input.decision() == null ? "" : input.decision());
    if (decision == null) {
      throw ApiException.invalid("decision", "'decision' is shortlist, accept or reject.");
    }
    Instant now = config.now();
    Application decided = stored.application().decided(decision, now);
    var email = ApplicationEmails.decision(decided, Texts.title(access.call(), decided.language()));
    config.outbox().decide(decided, stored, PreparedEmail.of(decided, input.decision(), email, now));
    return view(request, access, decided);
  }

  ApiResponse extend(ApiRequest request) {
    Target target = target(request);
    ApplicationStore.Stored stored = target.stored();
    JuryAccess access = target.access();
    ExtensionInput input = JsonBody.parse(request, ExtensionInput.class);
    if (input.until() == null) {
      throw ApiException.invalid("until", "'until' is required: a date and time with its offset.");
    }
    Instant until;
    try {
      until = OffsetDateTime.parse(input.until()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiException.invalid("until",
          "'until' is a date and time with its offset, e.g. 2026-12-01T18:00:00+01:00.");
    }
    Instant now = config.now();
    SubmissionWindow.of(access.call().call()).requireExtension(until, now);
    Application extended = stored.application().extendedUntil(until, now);
    config.applications().replace(extended, stored);
    return view(request, access, extended);
  }

  private ApiResponse view(ApiRequest request, JuryAccess access, Application application) {
    return ApiResponse.json(views.of(access, application, config.reviews().of(application.id()),
        LanguagePreference.of(request)), NO_STORE);
  }

  ApiResponse outbox(ApiRequest request) {
    ContentItem call = editorsCall(request);
    return ApiResponse.json(Map.of("items", config.outbox().of(call.id()).stream().map(e -> {
      var view = new LinkedHashMap<String, Object>();
      view.put("applicationId", e.applicationId());
      view.put("reference", e.reference());
      view.put("decision", e.decision());
      view.put("to", e.to());
      view.put("subject", e.subject());
      view.put("text", e.text());
      view.put("preparedAt", e.preparedAt());
      view.put("sentAt", e.sentAt());
      return view;
    }).toList()), NO_STORE);
  }

  /**
   * Sends every prepared, unsent decision email of the call: the one deliberate action that mails applicants. Each
   * sent email marks its application's decision as mailed, and only then does its applicant see it. An address not
   * verified (in applications older than verification) is mailed nothing.
   */
  ApiResponse sendOutbox(ApiRequest request) {
    ContentItem call = editorsCall(request);
    int sent = 0;
    int failed = 0;
    int unverified = 0;
    int remaining = 0;
    for (PreparedEmail email : config.outbox().of(call.id())) {
      if (email.sentAt() != null) {
        continue;
      }
      if (sent + failed >= SENDS_PER_REQUEST) {
        remaining++; // left for the next "send": one request stays well within the function's timeout
        continue;
      }
      var application = config.applications().get(email.applicationId()).map(ApplicationStore.Stored::application);
      if (application.isEmpty() || !application.get().emailVerified()) {
        unverified++;
        continue;
      }
      PreparedEmail marked = email.sent(config.now());
      // Marked first, conditionally: two editors pressing "send" at once never mail anyone twice.
      if (!config.outbox().replace(call.id(), email, marked)) {
        continue;
      }
      if (config.mail().send(email.email())) {
        if (config.outbox().markSent(email.applicationId(), DECISIONS.get(email.decision()), marked.sentAt())) {
          sent++;
        } else {
          // Mailed, but the application could not record it (erased meanwhile, or changed three times): reported
          // as failed, never mailed twice.
          failed++;
        }
      } else {
        config.outbox().replace(call.id(), marked, email); // unsent again, for the next "send"
        failed++;
      }
    }
    return ApiResponse.json(Map.of("sent", sent, "failed", failed, "unverified", unverified, "remaining", remaining),
        NO_STORE);
  }

  /** The call named in the path, if the caller is its city's editor or an admin. */
  ContentItem editorsCall(ApiRequest request) {
    Caller caller = Caller.from(request);
    return JuryAccess.toDecide(caller, lookup.call(request.path("id"))).call();
  }
}
