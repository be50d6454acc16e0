package org.mediaartscities.applications;

import org.mediaartscities.shared.auth.SecretTokens;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.http.Router;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.LanguageTags;
import org.mediaartscities.shared.mail.Email;

/**
 * Applying to a call, without an account: the form, a new application (with a secret access token, mailed as a
 * link), answers saved as a draft, submission before the deadline by the server's clock (idempotent, with a
 * receipt), status, withdrawal.
 */
public final class ApplicationsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final String NO_STORE = "no-store";
  private static final Pattern UUID_SYNTAX = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  /** Asking again for an existing application's link mails it at most this often. */
  static final Duration LINK_COOLDOWN = Duration.ofMinutes(10);

  private final ApplicationsConfig config;
  private final Router router;

  public ApplicationsHandler() {
    this(ApplicationsConfig.fromEnvironment());
  }

  ApplicationsHandler(ApplicationsConfig config) {
    this.config = config;
    var routes = new HashMap<String, Router.Route>();
    routes.put("GET /calls/{slug}/form", this::form);
    routes.put("POST /calls/{slug}/applications", this::create);
    routes.put("GET /applications/{id}", request -> ApiResponse.json(view(authorized(request).application()),
        NO_STORE));
    routes.put("PUT /applications/{id}", this::save);
    routes.put("POST /applications/{id}/submit", this::submit);
    routes.put("POST /applications/{id}/withdraw", this::withdraw);
    routes.put("GET /applications/{id}/export", this::export);
    routes.put("POST /applications/{id}/files", this::announceFile);
    routes.put("DELETE /applications/{id}/files/{fileId}", this::deleteFile);
    routes.put("DELETE /applications/{id}", this::delete);
    var reviewing = new Reviewing(config);
    routes.put("GET /admin/calls/{id}/applications", reviewing::list);
    routes.put("GET /admin/applications/{id}", reviewing::detail);
    routes.put("PUT /admin/applications/{id}/review", reviewing::review);
    routes.put("POST /admin/applications/{id}/decision", reviewing::decide);
    routes.put("POST /admin/applications/{id}/extension", reviewing::extend);
    routes.put("GET /admin/calls/{id}/outbox", reviewing::outbox);
    routes.put("POST /admin/calls/{id}/outbox/send", reviewing::sendOutbox);
    routes.put("GET /admin/calls/{id}/export.csv", reviewing::exportCsv);
    routes.put("POST /admin/calls/{id}/exports", reviewing::requestZip);
    routes.put("GET /admin/calls/{id}/exports/{exportId}", reviewing::zipStatus);
    this.router = new Router(routes);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return router.handle(event, context);
  }

  /**
   * The body of a new application; {@code nickname} is a honeypot that people never see, so never fill;
   * {@code captchaToken} is Turnstile's, when the site uses one.
   */
  record NewApplication(String name, String email, String language, String nickname, String captchaToken) {}

  /** The body of a save: answers to merge (null removes one), and the team, which replaces the saved one. */
  record Answers(Map<String, Object> answers, List<TeamMember> team) {}

  private ApiResponse form(ApiRequest request) {
    ContentItem call = call(request);
    String lang = language(request, call);
    return ApiResponse.json(FormView.of(call, lang, now()), NO_STORE);
  }

  private ApiResponse create(ApiRequest request) {
    ContentItem call = call(request);
    NewApplication input = JsonBody.parse(request, NewApplication.class);
    String name = required("name", input.name(), 200);
    String email = required("email", input.email(), 254);
    if (!org.mediaartscities.shared.mail.EmailAddress.isPlausible(email)) {
      throw ApiException.invalid("email", "This is not an email address.");
    }
    String language = input.language() == null ? language(request, call)
        : LanguageTags.canonical(input.language()).orElseThrow(() -> ApiException.invalid("language",
            "'language' is a language tag such as fr or en."));
    Instant now = now();
    if (call.call().statusAt(now) == CallStatus.CLOSED) {
      throw closed(call);
    }
    config.captcha().verify(input.captchaToken());
    String id = UUID.randomUUID().toString();
    String token = SecretTokens.newToken();
    if (input.nickname() != null && !input.nickname().isBlank()) {
      // A bot filled the hidden field: answer as if it worked, keep nothing.
      return created(id, token, "XXX-0000-0000", call);
    }
    String reference = reference(call, config.applications().nextNumber(call.id()));
    var application = new Application(id, call.id(), call.slug(), reference, name, email.strip(), language, Map.of(), List.of(),
        Application.Status.DRAFT, now, now, null, null, SecretTokens.hash(token), now, null,
        call.call().closesAt().plus(config.retention()));
    try {
      config.applications().create(application, call.call().form().onePerEmail());
    } catch (ApplicationStore.AlreadyApplied e) {
      resendLink(e.existingId, call, now);
      throw new ApiException(409, "already_applied", "An application with this email already exists for this call. "
          + "We have emailed its link to that address: use it to continue.", "email");
    }
    mail(ApplicationEmails.accessLink(application, Texts.title(call, language), closesAt(call, language),
        link(call, id, token)));
    return created(id, token, reference, call);
  }

  private ApiResponse save(ApiRequest request) {
    ApplicationStore.Stored stored = authorized(request);
    Application application = stored.application();
    if (application.status() != Application.Status.DRAFT) {
      throw new ApiException(409, "read_only", "This application was " + application.status().id()
          + " and can no longer be changed.", null);
    }
    ContentItem call = callOf(application);
    Answers input = JsonBody.parse(request, Answers.class);
    if (input.answers() == null && input.team() == null) {
      throw ApiException.invalid("answers", "'answers' is an object of answers by question id.");
    }
    var answers = input.answers() == null ? application.answers()
        : AnswerRules.merge(call.call().form(), application.answers(), input.answers());
    var team = input.team() == null ? application.team() : TeamRules.check(call.call().form(), input.team());
    Application saved = application.withAnswers(answers, team, now());
    try {
      config.applications().replace(saved, stored);
    } catch (ApplicationStore.Conflict e) {
      throw new ApiException(409, "conflict", "This application was changed at the same time elsewhere; reload it"
          + " and save again.", null);
    }
    return ApiResponse.json(view(saved), NO_STORE);
  }

  private ApiResponse submit(ApiRequest request) {
    ApplicationStore.Stored stored = authorized(request);
    Application application = stored.application();
    ContentItem call = callOf(application);
    if (application.status() != Application.Status.DRAFT) {
      if (application.submittedAt() != null && application.status() != Application.Status.WITHDRAWN) {
        return ApiResponse.json(view(application), NO_STORE); // a retry: the same receipt
      }
      throw new ApiException(409, "read_only", "This application was " + application.status().id() + ".", null);
    }
    Instant now = now();
    CallStatus status = call.call().statusAt(now);
    if (status == CallStatus.CLOSED && application.extendedUntil() != null && now.isBefore(application.extendedUntil())) {
      status = CallStatus.OPEN; // a late-submission extension for this applicant alone
    }
    if (status != CallStatus.OPEN) {
      throw status == CallStatus.CLOSED ? closed(call)
          : new ApiException(409, "call_not_open", "This call opens on " + FormView.local(call.call().opensAt(),
              call.call().timeZone()) + "; submit it then.", null);
    }
    ApplicationForm form = call.call().form();
    AnswerRules.checkComplete(form, application.answers());
    List<ApplicationFile> files = config.applications().files(application.id());
    ApplicationFiles.checkComplete(form, files);
    Application submitted = application.submitted(now);
    try {
      config.applications().replace(submitted, stored);
    } catch (ApplicationStore.Conflict e) {
      // Another request submitted (or changed) it meanwhile: answer with what is stored now.
      Application current = config.applications().get(application.id()).orElseThrow().application();
      if (current.status() == Application.Status.SUBMITTED) {
        return ApiResponse.json(view(current), NO_STORE);
      }
      throw new ApiException(409, "conflict", "This application changed meanwhile; reload it.", null);
    }
    mail(ApplicationEmails.receipt(submitted, Texts.title(call, submitted.language()),
        ApplicationEmails.when(now, call.call().timeZone(), submitted.language()), lines(form, submitted, files)));
    return ApiResponse.json(view(submitted), NO_STORE);
  }

  private ApiResponse withdraw(ApiRequest request) {
    ApplicationStore.Stored stored = authorized(request);
    Application application = stored.application();
    if (application.status() == Application.Status.WITHDRAWN) {
      return ApiResponse.json(view(application), NO_STORE);
    }
    if (application.status() != Application.Status.DRAFT && application.status() != Application.Status.SUBMITTED) {
      throw new ApiException(409, "read_only", "A decided application cannot be withdrawn.", null);
    }
    Application withdrawn = application.withdrawn(now());
    try {
      config.applications().replace(withdrawn, stored, true);
    } catch (ApplicationStore.Conflict e) {
      throw new ApiException(409, "conflict", "This application changed meanwhile; reload it.", null);
    }
    return ApiResponse.json(view(withdrawn), NO_STORE);
  }

  private ApiResponse announceFile(ApiRequest request) {
    ApplicationStore.Stored stored = authorized(request);
    Application application = stored.application();
    requireDraft(application);
    ContentItem call = callOf(application);
    var upload = config.files().announce(application, call.call().form(), request.body(), now());
    return ApiResponse.json(upload, NO_STORE).withStatus(201);
  }

  private ApiResponse deleteFile(ApiRequest request) {
    Application application = authorized(request).application();
    requireDraft(application);
    String fileId = request.path("fileId");
    ApplicationFile file = config.applications().files(application.id()).stream()
        .filter(f -> f.id().equals(fileId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("No file '" + fileId + "' in this application."));
    config.files().delete(file);
    return new ApiResponse(204, "", Map.of("cache-control", NO_STORE));
  }

  private static void requireDraft(Application application) {
    if (application.status() != Application.Status.DRAFT) {
      throw new ApiException(409, "read_only", "This application was " + application.status().id()
          + " and can no longer be changed.", null);
    }
  }

  /** Everything stored about the applicant's application, as JSON: their right of access. */
  private ApiResponse export(ApiRequest request) {
    Application application = authorized(request).application();
    var data = new LinkedHashMap<String, Object>(view(application));
    data.put("retainedUntil", application.expiresAt());
    data.put("extendedUntil", application.extendedUntil());
    data.put("exportedAt", now());
    return ApiResponse.json(data, NO_STORE).withHeader("content-disposition",
        "attachment; filename=\"application-" + application.reference() + ".json\"");
  }

  /** Erases a draft or withdrawn application with all that belongs to it; a submitted one is withdrawn first. */
  private ApiResponse delete(ApiRequest request) {
    ApplicationStore.Stored stored = authorized(request);
    Application.Status status = stored.application().status();
    if (status != Application.Status.DRAFT && status != Application.Status.WITHDRAWN) {
      throw new ApiException(409, "withdraw_first", "A submitted application is withdrawn before it is deleted.",
          null);
    }
    // The application goes first (conditionally); its files' bytes after: a conflict must leave it whole.
    List<ApplicationFile> files = config.applications().files(stored.application().id());
    try {
      config.applications().delete(stored);
    } catch (ApplicationStore.Conflict e) {
      throw new ApiException(409, "conflict", "This application changed meanwhile; reload it.", null);
    }
    config.files().deleteObjects(files);
    return new ApiResponse(204, "", Map.of("cache-control", NO_STORE));
  }

  /** The application named in the path, if the request carries its token; 404 for anything else. */
  private ApplicationStore.Stored authorized(ApiRequest request) {
    String id = request.path("id");
    String token = request.header("x-application-token")
        .or(() -> request.header("authorization").map(h -> h.replaceFirst("(?i)^Bearer\\s+", "")))
        .orElse(null);
    Optional<ApplicationStore.Stored> stored = UUID_SYNTAX.matcher(id).matches()
        ? config.applications().get(id) : Optional.empty();
    // The same answer for an unknown id and a wrong token: nothing tells which applications exist.
    return stored.filter(s -> SecretTokens.matches(token, s.application().tokenHash()))
        .orElseThrow(() -> ApiException.notFound("No application with this id and access token."));
  }

  private ContentItem call(ApiRequest request) {
    String slug = request.path("slug");
    Optional<ContentItem> call = slug.length() <= 100 && slug.matches("[a-z0-9-]+")
        ? config.calls().publicItem(Kind.CALL, slug, now()) : Optional.empty();
    ContentItem found = call.orElseThrow(() -> ApiException.notFound("No call '" + slug + "'."));
    if (found.call().form() == null) {
      throw ApiException.notFound("The call '" + slug + "' does not take applications on this site.");
    }
    return found;
  }

  private ContentItem callOf(Application application) {
    return config.calls().item(application.callId()).filter(call -> call.call() != null && call.call().form() != null)
        .orElseThrow(() -> new ApiException(409, "call_withdrawn", "This call is no longer published.", null));
  }

  private void resendLink(String existingId, ContentItem call, Instant now) {
    if (existingId == null) {
      return;
    }
    config.applications().get(existingId).ifPresent(stored -> {
      Application existing = stored.application();
      if (existing.linkSentAt() != null && existing.linkSentAt().plus(LINK_COOLDOWN).isAfter(now)) {
        return;
      }
      String token = SecretTokens.newToken();
      Application renewed = existing.withNewToken(SecretTokens.hash(token), now);
      try {
        config.applications().replace(renewed, stored);
        mail(ApplicationEmails.accessLink(renewed, Texts.title(call, renewed.language()),
            closesAt(call, renewed.language()), link(call, existing.id(), token)));
      } catch (ApplicationStore.Conflict e) {
        // another request renewed it at the same moment, and mailed it
      }
    });
  }

  private void mail(Email email) {
    try {
      config.mailer().send(email);
    } catch (RuntimeException e) {
      // The application is stored and its token returned; a failed email must not undo that. SES messages can
      // name the recipient, so only the failure's kind is logged (stderr reaches the log with the request id).
      String code = e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException aws
          && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : "";
      System.err.println("Sending an applicant email failed: " + e.getClass().getSimpleName() + " " + code);
    }
  }

  private ApiResponse created(String id, String token, String reference, ContentItem call) {
    var body = new LinkedHashMap<String, Object>();
    body.put("applicationId", id);
    body.put("token", token);
    body.put("reference", reference);
    body.put("status", Application.Status.DRAFT);
    body.put("accessUrl", link(call, id, token));
    return ApiResponse.json(body, NO_STORE).withStatus(201).withHeader("location", "/applications/" + id);
  }

  private Map<String, Object> view(Application application) {
    var view = new LinkedHashMap<String, Object>();
    view.put("applicationId", application.id());
    view.put("reference", application.reference());
    view.put("status", application.status());
    view.put("call", application.callSlug());
    view.put("name", application.name());
    view.put("email", application.email());
    view.put("language", application.language());
    view.put("answers", application.answers());
    view.put("team", application.team());
    view.put("files", config.applications().files(application.id()).stream().map(config.files()::view).toList());
    view.put("createdAt", application.createdAt());
    view.put("updatedAt", application.updatedAt());
    view.put("submittedAt", application.submittedAt());
    view.put("withdrawnAt", application.withdrawnAt());
    if (application.submittedAt() != null) {
      ContentItem call = config.calls().item(application.callId()).orElse(null);
      var receipt = new LinkedHashMap<String, Object>();
      receipt.put("number", application.reference());
      receipt.put("submittedAt", application.submittedAt());
      if (call != null && call.call() != null && call.call().form() != null) {
        receipt.put("summary", lines(call.call().form(), application, config.applications().files(application.id())));
      }
      view.put("receipt", receipt);
    }
    return view;
  }

  private static List<ApplicationEmails.Line> lines(ApplicationForm form, Application application,
      List<ApplicationFile> files) {
    var lines = new ArrayList<ApplicationEmails.Line>();
    for (ApplicationForm.Field field : form.fields()) {
      Object answer = field.type().equals("file")
          ? files.stream().filter(f -> f.fieldId().equals(field.id()) && f.status() == ApplicationFile.Status.READY)
              .map(f -> f.fileName() == null ? f.id() : f.fileName()).toList()
          : application.answers().get(field.id());
      if (answer instanceof List<?> list && list.isEmpty()) {
        answer = null;
      }
      if (answer != null) {
        String text = answer instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
            : answer instanceof Boolean yes ? (yes ? "✓" : "✗") : String.valueOf(answer);
        lines.add(new ApplicationEmails.Line(Texts.pick(field.label(), application.language()), text));
      }
    }
    if (!application.team().isEmpty()) {
      lines.add(new ApplicationEmails.Line(ApplicationEmails.teamLabel(application.language()),
          String.join("\n", application.team().stream().map(TeamRules::describe).toList())));
    }
    return lines;
  }

  /** {@code LYO-2026-0042}: the city's first three letters, the call's closing year, the number. */
  static String reference(ContentItem call, long number) {
    String city = call.city() == null ? "NET" : call.city().replace("-", "");
    String prefix = (city.length() >= 3 ? city.substring(0, 3) : city).toUpperCase(Locale.ROOT);
    int year = call.call().closesAt().atZone(ZoneId.of(call.call().timeZone())).getYear();
    return prefix + "-" + year + "-" + String.format("%04d", number);
  }

  private String link(ContentItem call, String id, String token) {
    return config.frontendBaseUrl() + "/calls/" + call.slug() + "/apply?application=" + id + "#token=" + token;
  }

  private static String closesAt(ContentItem call, String language) {
    return ApplicationEmails.when(call.call().closesAt(), call.call().timeZone(), language);
  }

  private static String language(ApiRequest request, ContentItem call) {
    Optional<String> lang = request.query("lang").map(l -> LanguageTags.canonical(l).orElseThrow(() ->
        ApiException.invalid("lang", "'lang' must be a language tag such as fr, en or pt-BR.")));
    var preference = LanguagePreference.of(lang, request.header("accept-language").orElse(null));
    return preference.choose(call.translations().keySet(), call.originalLanguage());
  }

  private static ApiException closed(ContentItem call) {
    return new ApiException(409, "call_closed", "This call closed on " + FormView.local(call.call().closesAt(),
        call.call().timeZone()) + "; applications are no longer accepted.", null);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(field, "'" + field + "' is required.");
    }
    String clean = value.replaceAll("\\p{Cntrl}", "").strip();
    if (clean.length() > max) {
      throw ApiException.invalid(field, "'" + field + "' has at most " + max + " characters.");
    }
    return clean;
  }

  private Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
