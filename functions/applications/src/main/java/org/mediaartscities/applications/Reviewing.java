package org.mediaartscities.applications;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.mail.Email;

/**
 * Juries at work (JWT): the applications of a call with their weighted scores, one application, a reviewer's
 * scores and comment, decisions (whose emails wait in the call's outbox until sent all at once), late-submission
 * extensions, and the CSV export. Reviewers review every call; a call's city editors and admins also decide.
 */
final class Reviewing {

  private static final String NO_STORE = "no-store";
  private static final Set<String> LISTED = Set.of("submitted", "shortlisted", "accepted", "rejected", "withdrawn");

  private final ApplicationsConfig config;

  Reviewing(ApplicationsConfig config) {
    this.config = config;
  }

  record ReviewInput(Map<String, Integer> scores, String comment) {}

  record DecisionInput(String decision) {}

  record ExtensionInput(String until) {}

  ApiResponse list(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    caller.requireMayReview(call.city());
    ApplicationForm form = call.call().form();
    Optional<String> status = request.query("status");
    if (status.isPresent() && !LISTED.contains(status.get())) {
      throw ApiException.invalid("status", "'status' is submitted, shortlisted, accepted, rejected or withdrawn.");
    }
    Double min = score(request, "minScore");
    Double max = score(request, "maxScore");
    String sort = request.query("sort").orElse("time");
    if (!sort.equals("time") && !sort.equals("score")) {
      throw ApiException.invalid("sort", "'sort' is time or score.");
    }
    boolean blind = blindFor(caller, call);
    var rows = new ArrayList<Map<String, Object>>();
    for (ApplicationStore.Reviewed reviewed : config.applications().byCall(call.id())) {
      Application application = reviewed.stored().application();
      if (application.submittedAt() == null || (status.isPresent() && !application.status().id().equals(status.get()))) {
        continue;
      }
      Double mean = Scores.mean(form, reviewed.reviews());
      if ((min != null && (mean == null || mean < min)) || (max != null && (mean == null || mean > max))) {
        continue;
      }
      var row = new LinkedHashMap<String, Object>();
      row.put("applicationId", application.id());
      row.put("reference", application.reference());
      row.put("status", application.status());
      row.put("submittedAt", application.submittedAt());
      if (!blind) {
        row.put("name", application.name());
        row.put("email", application.email());
      }
      row.put("score", mean);
      row.put("reviewCount", reviewed.reviews().size());
      row.put("reviewedByMe", reviewed.reviews().stream().anyMatch(r -> r.reviewer().equals(caller.subject())));
      rows.add(row);
    }
    Comparator<Map<String, Object>> order = sort.equals("score")
        ? Comparator.comparing((Map<String, Object> r) -> (Double) r.get("score"),
            Comparator.nullsLast(Comparator.reverseOrder()))
        : Comparator.comparing(r -> (Instant) r.get("submittedAt"));
    rows.sort(order);
    return ApiResponse.json(Map.of("items", rows, "blindReview", blind), NO_STORE);
  }

  ApiResponse detail(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = application(request.path("id"));
    ContentItem call = call(stored.application().callId());
    caller.requireMayReview(call.city());
    return ApiResponse.json(view(caller, call, stored.application()), NO_STORE);
  }

  ApiResponse review(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = application(request.path("id"));
    Application application = stored.application();
    ContentItem call = call(application.callId());
    caller.requireMayReview(call.city());
    if (application.submittedAt() == null || application.status() == Application.Status.WITHDRAWN) {
      throw new ApiException(409, "not_submitted", "Only submitted applications are reviewed.", null);
    }
    ReviewInput input = JsonBody.parse(request, ReviewInput.class);
    var scores = Scores.check(call.call().form(), input.scores());
    String comment = input.comment() == null ? null : input.comment().strip();
    if (comment != null && comment.length() > 5_000) {
      throw ApiException.invalid("comment", "A comment has at most 5,000 characters.");
    }
    config.applications().putReview(application, new Review(caller.subject(), scores, comment, now()));
    return ApiResponse.json(view(caller, call, application), NO_STORE);
  }

  ApiResponse decide(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = application(request.path("id"));
    Application application = stored.application();
    ContentItem call = call(application.callId());
    requireEditor(caller, call);
    DecisionInput input = JsonBody.parse(request, DecisionInput.class);
    Application.Status decided = switch (input.decision() == null ? "" : input.decision()) {
      case "shortlist" -> Application.Status.SHORTLISTED;
      case "accept" -> Application.Status.ACCEPTED;
      case "reject" -> Application.Status.REJECTED;
      default -> throw ApiException.invalid("decision", "'decision' is shortlist, accept or reject.");
    };
    if (application.submittedAt() == null || application.status() == Application.Status.WITHDRAWN) {
      throw new ApiException(409, "not_submitted", "Only submitted applications can be decided.", null);
    }
    Application updated = application.withStatus(decided, now());
    Email email = ApplicationEmails.decision(updated, Texts.title(call, updated.language()));
    try {
      config.applications().decide(updated, stored, new PreparedEmail(updated.id(), updated.reference(),
          input.decision(), email.to(), email.subject(), email.text(), email.html(), email.language(), now(), null));
    } catch (ApplicationStore.Conflict e) {
      throw new ApiException(409, "conflict", "This application changed meanwhile; reload it.", null);
    }
    return ApiResponse.json(view(caller, call, updated), NO_STORE);
  }

  ApiResponse extend(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = application(request.path("id"));
    Application application = stored.application();
    ContentItem call = call(application.callId());
    requireEditor(caller, call);
    ExtensionInput input = JsonBody.parse(request, ExtensionInput.class);
    if (input.until() == null) {
      throw ApiException.invalid("until", "'until' is required: a date and time with its offset.");
    }
    Instant until;
    try {
      until = java.time.OffsetDateTime.parse(input.until()).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.invalid("until", "'until' is a date and time with its offset, e.g. 2026-12-01T18:00:00+01:00.");
    }
    if (!until.isAfter(call.call().closesAt()) || !until.isAfter(now())) {
      throw ApiException.invalid("until", "An extension ends after the call's deadline, in the future.");
    }
    if (application.status() != Application.Status.DRAFT) {
      throw new ApiException(409, "not_draft", "Only an application not yet submitted can be extended.", null);
    }
    Application extended = application.extendedUntil(until, now());
    try {
      config.applications().replace(extended, stored);
    } catch (ApplicationStore.Conflict e) {
      throw new ApiException(409, "conflict", "This application changed meanwhile; reload it.", null);
    }
    return ApiResponse.json(view(caller, call, extended), NO_STORE);
  }

  ApiResponse outbox(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    requireEditor(caller, call);
    return ApiResponse.json(Map.of("items", config.applications().outbox(call.id()).stream().map(e -> {
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

  /** Sends every prepared, unsent decision email of the call: the one deliberate action that mails applicants. */
  ApiResponse sendOutbox(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    requireEditor(caller, call);
    int sent = 0;
    int failed = 0;
    for (PreparedEmail email : config.applications().outbox(call.id())) {
      if (email.sentAt() != null) {
        continue;
      }
      PreparedEmail marked = email.sent(now());
      // Marked first, conditionally: two editors pressing "send" at once never mail anyone twice.
      if (!config.applications().markSent(call.id(), email, marked)) {
        continue;
      }
      try {
        config.mailer().send(new Email(email.to(), email.subject(), email.text(), email.html(), email.language()));
        sent++;
      } catch (RuntimeException e) {
        config.applications().markSent(call.id(), marked, email);
        failed++;
      }
    }
    return ApiResponse.json(Map.of("sent", sent, "failed", failed), NO_STORE);
  }

  ApiResponse exportCsv(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    requireEditor(caller, call);
    String csv = CsvExport.of(call, config.applications().byCall(call.id()));
    return ApiResponse.ok(csv, "text/csv; charset=utf-8", NO_STORE)
        .withHeader("content-disposition", "attachment; filename=\"" + call.slug() + "-applications.csv\"");
  }

  /** Starts building the ZIP of all the call's files (or returns the one in progress): 202 and where to follow it. */
  ApiResponse requestZip(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    requireEditor(caller, call);
    ExportJob job = config.exports().request(call, now());
    return ApiResponse.json(config.exports().view(job), NO_STORE).withStatus(202)
        .withHeader("location", "/admin/calls/" + call.id() + "/exports/" + job.id());
  }

  ApiResponse zipStatus(ApiRequest request) {
    Caller caller = Caller.from(request);
    ContentItem call = call(request.path("id"));
    requireEditor(caller, call);
    ExportJob job = config.exports().get(call.id(), request.path("exportId"))
        .orElseThrow(() -> ApiException.notFound("No export '" + request.path("exportId") + "' of this call."));
    return ApiResponse.json(config.exports().view(job), NO_STORE);
  }

  private Map<String, Object> view(Caller caller, ContentItem call, Application application) {
    ApplicationForm form = call.call().form();
    String lang = call.originalLanguage();
    var view = new LinkedHashMap<String, Object>();
    view.put("applicationId", application.id());
    view.put("reference", application.reference());
    view.put("status", application.status());
    view.put("call", Map.of("id", call.id(), "slug", call.slug()));
    if (!blindFor(caller, call)) {
      view.put("name", application.name());
      view.put("email", application.email());
      view.put("language", application.language());
      view.put("team", application.team());
    }
    view.put("submittedAt", application.submittedAt());
    view.put("extendedUntil", application.extendedUntil());
    view.put("answers", form.fields().stream().filter(f -> application.answers().containsKey(f.id())).map(f -> Map.of(
        "id", f.id(), "label", String.valueOf(Texts.pick(f.label(), lang)), "answer", application.answers().get(f.id())))
        .toList());
    view.put("files", config.applications().files(application.id()).stream().map(config.files()::withDownload)
        .toList());
    List<Review> reviews = config.applications().reviews(application.id());
    view.put("score", Scores.mean(form, reviews));
    view.put("reviewCount", reviews.size());
    // Reviewers see their own review only, so that nobody scores under the influence of the others.
    boolean seesAll = caller.editsCity(call.city());
    view.put("reviews", reviews.stream().filter(r -> seesAll || r.reviewer().equals(caller.subject())).toList());
    return view;
  }

  private static boolean blindFor(Caller caller, ContentItem call) {
    return call.call().form().blindReview() && !caller.editsCity(call.city());
  }

  private static void requireEditor(Caller caller, ContentItem call) {
    if (!caller.editsCity(call.city())) {
      throw ApiException.forbidden("Only the call's city editors and admins can do this.");
    }
  }

  private ContentItem call(String id) {
    return (id.length() <= 64 ? config.calls().item(id) : Optional.<ContentItem>empty())
        .filter(item -> item.kind() == Kind.CALL && item.call().form() != null)
        .orElseThrow(() -> ApiException.notFound("No call with id '" + id + "' that takes applications."));
  }

  private ApplicationStore.Stored application(String id) {
    return (id.matches("[0-9a-f-]{36}") ? config.applications().get(id) : Optional.<ApplicationStore.Stored>empty())
        .orElseThrow(() -> ApiException.notFound("No application '" + id + "'."));
  }

  private static Double score(ApiRequest request, String name) {
    Optional<String> raw = request.query(name);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      double value = Double.parseDouble(raw.get());
      if (value >= 0 && value <= 100) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid(name, "'" + name + "' is a score from 0 to 100.");
  }

  private Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
