package org.mediaartscities.applications.applying;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mediaartscities.applications.AnswerRules;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationEmails;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.SubmissionWindow;
import org.mediaartscities.applications.TeamMember;
import org.mediaartscities.applications.TeamRules;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.store.StoreConflictException;
import org.mediaartscities.shared.text.FieldRules;

/**
 * The applicant's work, without an account: the form, a new application (with a secret access token, mailed as a
 * link), answers saved as a draft, submission within the call's window (idempotent, with a receipt), a copy of
 * their data, withdrawal and erasure.
 */
final class Applying {

  static final String NO_STORE = "no-store";

  private final ApplyingConfig config;
  private final ApplicantAccess access;
  private final ApplicantView views;
  private final AccessLinks links;

  Applying(ApplyingConfig config, ApplicantAccess access, ApplicantView views) {
    this.config = config;
    this.access = access;
    this.views = views;
    this.links = new AccessLinks(config);
  }

  /**
   * The body of a new application; {@code nickname} is a honeypot that people never see, so never fill;
   * {@code captchaToken} is Turnstile's, when the site uses one.
   */
  record NewApplication(String name, String email, String language, String nickname, String captchaToken) {}

  /** The body of a save: answers to merge (null removes one), and the team, which replaces the saved one. */
  record Answers(Map<String, Object> answers, List<TeamMember> team) {}

  ApiResponse form(ApiRequest request) {
    ContentItem call = access.call(request);
    return ApiResponse.json(FormView.of(call, language(request, call), config.now()), NO_STORE);
  }

  ApiResponse create(ApiRequest request) {
    ContentItem call = access.call(request);
    NewApplication input = JsonBody.parse(request, NewApplication.class);
    String name = required("name", input.name(), 200);
    String email = required("email", input.email(), 254);
    if (!FieldRules.isEmailAddress(email)) {
      throw ApiException.invalid("email", "This is not an email address.");
    }
    String language = input.language() == null ? language(request, call)
        : LanguageTags.canonical(input.language()).orElseThrow(() -> ApiException.invalid("language",
            "'language' is a language tag such as fr or en."));
    Instant now = config.now();
    SubmissionWindow.of(call.call()).requireOpenForNewApplications(now);
    config.captcha().verify(input.captchaToken());
    String id = UUID.randomUUID().toString();
    String token = SecretTokens.newToken();
    if (input.nickname() != null && !input.nickname().isBlank()) {
      // A bot filled the hidden field: answer as if it worked, keep nothing.
      return created(id, token, "XXX-0000-0000", call);
    }
    var application = Application.draft(id, call.id(), call.slug(), config.receiptNumbers().next(call),
        new Application.Applicant(name, email, language), SecretTokens.hash(token), now,
        call.call().closesAt().plus(config.retention()));
    try {
      config.applications().create(application, call.call().form().onePerEmail());
    } catch (ApplicationStore.AlreadyApplied e) {
      e.existingId().ifPresent(existing -> links.resend(existing, call, now));
      throw new ApiException(409, "already_applied", "An application with this email already exists for this call. "
          + "We have emailed its link to that address: use it to continue.", "email");
    }
    links.mail(application, call, token);
    return created(id, token, application.reference(), call);
  }

  ApiResponse get(ApiRequest request) {
    return json(access.application(request).application());
  }

  ApiResponse save(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    application.requireDraft();
    ApplicationForm form = access.callOf(application).call().form();
    Answers input = JsonBody.parse(request, Answers.class);
    if (input.answers() == null && input.team() == null) {
      throw ApiException.invalid("answers", "'answers' is an object of answers by question id.");
    }
    var answers = input.answers() == null ? application.answers()
        : AnswerRules.merge(form, application.answers(), input.answers());
    var team = input.team() == null ? application.team() : TeamRules.check(form, input.team());
    Application saved = application.saved(answers, team, config.now());
    config.applications().replace(saved, stored);
    return json(saved);
  }

  ApiResponse submit(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    ContentItem call = access.callOf(application);
    if (application.isSubmitted()) {
      return json(application); // a retry: the same receipt
    }
    Instant now = config.now();
    Application submitted = application.submitted(now);
    SubmissionWindow.of(call.call()).requireOpenForSubmission(now, application);
    ApplicationForm form = call.call().form();
    AnswerRules.checkComplete(form, application.answers());
    List<ApplicationFile> files = config.files().of(application.id());
    FileUploads.checkComplete(form, files);
    try {
      config.applications().replace(submitted, stored);
    } catch (StoreConflictException e) {
      // Another request submitted (or changed) it meanwhile: answer with the receipt it got, if it got one.
      Application current = config.applications().get(application.id()).orElseThrow().application();
      if (current.status() == Application.Status.SUBMITTED) {
        return json(current);
      }
      throw e;
    }
    config.mail().send(ApplicationEmails.receipt(submitted, Texts.title(call, submitted.language()),
        ApplicationEmails.when(now, call.call().timeZone(), submitted.language()),
        ApplicantView.lines(form, submitted, files)));
    return json(submitted);
  }

  ApiResponse withdraw(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    Application withdrawn = application.withdrawn(config.now());
    if (withdrawn != application) {
      config.applications().replace(withdrawn, stored, true);
    }
    return json(withdrawn);
  }

  /** Everything stored about the applicant's application, as JSON: their right of access. */
  ApiResponse export(ApiRequest request) {
    Application application = access.application(request).application();
    var data = new LinkedHashMap<String, Object>(views.of(application));
    data.put("retainedUntil", application.expiresAt());
    data.put("extendedUntil", application.extendedUntil());
    data.put("exportedAt", config.now());
    return ApiResponse.json(data, NO_STORE).withHeader("content-disposition",
        "attachment; filename=\"application-" + application.reference() + ".json\"");
  }

  /** Erases a draft or withdrawn application with all that belongs to it; a submitted one is withdrawn first. */
  ApiResponse delete(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    stored.application().requireDeletable();
    // The application goes first (conditionally); its files' bytes after: a conflict must leave it whole.
    List<ApplicationFile> files = config.files().of(stored.application().id());
    config.applications().delete(stored);
    config.uploads().deleteObjects(files);
    return new ApiResponse(204, "", Map.of("cache-control", NO_STORE));
  }

  private ApiResponse created(String id, String token, String reference, ContentItem call) {
    return ApiResponse.json(ApplicantView.created(id, token, reference, links.link(call, id, token)), NO_STORE)
        .withStatus(201).withHeader("location", "/applications/" + id);
  }

  private ApiResponse json(Application application) {
    return ApiResponse.json(views.of(application), NO_STORE);
  }

  private static String language(ApiRequest request, ContentItem call) {
    Optional<String> lang = request.query("lang").map(l -> LanguageTags.canonical(l).orElseThrow(() ->
        ApiException.invalid("lang", "'lang' must be a language tag such as fr, en or pt-BR.")));
    var preference = LanguagePreference.of(lang, request.header("accept-language").orElse(null));
    return preference.choose(call.translations().keySet(), call.originalLanguage());
  }

  /** A required one-line field, cleaned by the house rules, at most {@code max} characters. */
  private static String required(String field, String value, int max) {
    String clean = FieldRules.oneLine(value);
    if (clean == null || clean.isEmpty()) {
      throw ApiException.invalid(field, "'" + field + "' is required.");
    }
    if (clean.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' has at most " + max + " characters.");
    }
    return clean;
  }
}
