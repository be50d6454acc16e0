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
import org.mediaartscities.applications.ReceiptNumbers;
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
 * The applicant's work, without an account: the form, a new application (with a secret access token, given once, and
 * a code mailed to prove the address), answers saved as a draft against the form it was opened with, submission of a
 * verified application within the call's window (idempotent, with a receipt number given then), a copy of their data,
 * withdrawal and erasure.
 */
final class Applying {

  static final String NO_STORE = "no-store";

  private final ApplyingConfig config;
  private final ApplicantAccess access;
  private final ApplicantView views;
  private final AccessLinks links;
  private final EmailVerification verification;

  Applying(ApplyingConfig config, ApplicantAccess access, ApplicantView views, AccessLinks links,
      EmailVerification verification) {
    this.config = config;
    this.access = access;
    this.views = views;
    this.links = links;
    this.verification = verification;
  }

  /**
   * The body of a new application; {@code nickname} is a honeypot that people never see, so never fill;
   * {@code captchaToken} is Turnstile's, when the site uses one.
   */
  record NewApplication(String name, String email, String language, String nickname, String captchaToken) {}

  /** The body of a save: answers to merge (null removes one), and the team, which replaces the saved one. */
  record Answers(Map<String, Object> answers, List<TeamMember> team) {}

  record LinkRequest(String email, String captchaToken, String nickname) {}

  ApiResponse form(ApiRequest request) {
    ContentItem call = access.call(request);
    return ApiResponse.json(FormView.of(call, language(request, call), config.now()), NO_STORE);
  }

  /**
   * A new draft, whatever the address: a new address is mailed a code; an address that already submitted to this
   * call (one application per address) is mailed a link to that application instead. The answer is the same in
   * every case, so that it tells nobody whether an address applied, and a bot filling the honeypot gets it too.
   */
  ApiResponse create(ApiRequest request) {
    ContentItem call = access.call(request);
    NewApplication input = JsonBody.parse(request, NewApplication.class);
    String name = required("name", input.name(), 200);
    String email = emailAddress(input.email());
    String language = input.language() == null ? language(request, call)
        : LanguageTags.canonical(input.language()).orElseThrow(() -> ApiException.invalid("language",
            "'language' is a language tag such as fr or en."));
    Instant now = config.now();
    SubmissionWindow.of(call.call()).requireOpenForNewApplications(now);
    config.captcha().verify(input.captchaToken());
    String id = UUID.randomUUID().toString();
    String token = SecretTokens.newToken();
    if (input.nickname() != null && !input.nickname().isBlank()) {
      return created(id, token, call); // a bot filled the hidden field: the same answer, nothing kept or mailed
    }
    ApplicationForm form = call.call().form();
    Application draft = Application.draft(id, call.id(), call.slug(), form,
        new Application.Applicant(name, email, language), SecretTokens.hash(token), now, call.call().closesAt(),
        call.call().closesAt().plus(config.retention()));
    Optional<String> owner = form.onePerEmail() ? config.applications().reservation(call.id(), email)
        : Optional.empty();
    // Every draft has a pending code, mailed or not: a wrong guess is answered alike whether the address applied,
    // was mailed a moment ago, or is new.
    String code = EmailVerification.newCode();
    draft = EmailVerification.withCode(draft, code, now);
    config.applications().create(draft);
    if (owner.isPresent()) {
      links.mailOwner(owner.get(), call, now);
    } else if (links.mayMail(draft, AccessLinks.VERIFY, now)) {
      verification.mail(draft, call, code);
    }
    return created(id, token, call);
  }

  /**
   * Mails an address a link to each of its applications to this call (to carry on from another device, or when the
   * first link is lost). The answer is the same whatever the address, as for {@link #create}: it tells nobody whether
   * an address applied; a bot filling the honeypot gets it too.
   */
  ApiResponse requestLinks(ApiRequest request) {
    ContentItem call = access.call(request);
    LinkRequest input = JsonBody.parse(request, LinkRequest.class);
    String email = emailAddress(input.email());
    config.captcha().verify(input.captchaToken());
    if (input.nickname() == null || input.nickname().isBlank()) {
      links.mailLinks(email, call, config.now());
    }
    return ApiResponse.json(Map.of("status", "accepted", "message", "If this address applied to this call, a link "
        + "to each of its applications is on its way."), NO_STORE).withStatus(202);
  }

  ApiResponse get(ApiRequest request) {
    return json(access.application(request).application());
  }

  ApiResponse save(ApiRequest request) {
    ApplicationStore.Stored stored = access.application(request);
    Application application = stored.application();
    application.requireDraft();
    ApplicationForm form = access.formOf(application);
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
    application.requireDraft();
    application.requireEmailVerified();
    Instant now = config.now();
    SubmissionWindow.of(call.call()).requireOpenForSubmission(now, application);
    ApplicationForm form = application.formOr(call.call().form());
    AnswerRules.checkComplete(form, application.answers());
    List<ApplicationFile> files = config.files().of(application.id());
    FileUploads.checkComplete(form, files);
    Application submitted;
    try {
      submitted = config.applications().submit(stored,
          number -> application.submitted(now, ReceiptNumbers.reference(call, number)), form.onePerEmail(),
          () -> config.receiptNumbers().last(call.id())).application();
    } catch (ApplicationStore.AlreadyApplied e) {
      // Only the verified owner of the address reaches this: nobody else learns that it applied.
      throw new ApiException(409, "already_applied", "This email address has already applied to this call; "
          + "withdraw that application first to submit this one.", "email");
    } catch (StoreConflictException e) {
      // Another request submitted (or changed) it meanwhile: answer with the receipt it got, if it got one.
      Application current = config.applications().get(application.id()).orElseThrow(() -> e).application();
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
      config.applications().replace(withdrawn, stored, true); // its address may apply again
    }
    return json(withdrawn);
  }

  /** Everything stored about the applicant's application, as JSON: their right of access. */
  ApiResponse export(ApiRequest request) {
    Application application = access.application(request).application();
    var data = new LinkedHashMap<String, Object>(views.of(application));
    data.put("retainedUntil", application.expiresAt());
    data.put("extendedUntil", application.extendedUntil());
    data.put("accessUntil", application.accessUntil());
    data.put("exportedAt", config.now());
    return ApiResponse.json(data, NO_STORE).withHeader("content-disposition", "attachment; filename=\"application-"
        + (application.reference() == null ? application.id() : application.reference()) + ".json\"");
  }

  /**
   * Erases a draft or withdrawn application with all that belongs to it; a submitted one is withdrawn first. The
   * application goes first (conditionally: a conflict leaves it whole), then its files' bytes, then the rows of its
   * files and reviews. A request that stops on the way (a timeout, an outage) is finished by the same request again,
   * with the same token, which then answers 204 as well.
   */
  ApiResponse delete(ApiRequest request) {
    String id = access.erasing(request).orElseGet(() -> {
      ApplicationStore.Stored stored = access.application(request);
      stored.application().requireDeletable();
      try {
        config.applications().startErasure(stored);
      } catch (StoreConflictException e) {
        // Lost to a change. If it was the same erasure (a second tap, a retry), finish it, or find it finished.
        if (access.erasing(request).isEmpty() && config.applications().get(stored.application().id()).isPresent()) {
          throw e;
        }
      }
      return stored.application().id();
    });
    // The file records name the bytes: the bytes go before them, so that a retry still finds what is left.
    config.uploads().deleteObjects(config.files().of(id));
    config.applications().finishErasure(id);
    return new ApiResponse(204, "", Map.of("cache-control", NO_STORE));
  }

  private ApiResponse created(String id, String token, ContentItem call) {
    return ApiResponse.json(ApplicantView.created(id, token, links.link(call, id, token)), NO_STORE)
        .withStatus(201).withHeader("location", "/applications/" + id);
  }

  private ApiResponse json(Application application) {
    return ApiResponse.json(views.of(application), NO_STORE);
  }

  private static String language(ApiRequest request, ContentItem call) {
    return LanguagePreference.of(request).choose(call.translations().keySet(), call.originalLanguage());
  }

  /** The required {@code email} field: an address, cleaned by the house rules. */
  private static String emailAddress(String value) {
    String email = required("email", value, 254);
    if (!FieldRules.isEmailAddress(email)) {
      throw ApiException.invalid("email", "This is not an email address.");
    }
    return email;
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
