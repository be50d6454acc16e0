package org.mediaartscities.applications.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.Review;
import org.mediaartscities.applications.ReviewStore;
import org.mediaartscities.applications.Scores;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.i18n.LanguagePreference;

/**
 * A call's submitted applications as its jury lists them, page by page from the {@code Submitted} index (drafts are
 * never read), in submission order. The call's editors may also filter and sort by score: that reads every
 * submitted application of the call, sorts, and pages the result.
 */
final class JuryList {

  private static final String NO_STORE = JuryReview.NO_STORE;
  private static final Set<String> LISTED = Set.of("submitted", "shortlisted", "accepted", "rejected");
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 100;

  private final SelectionConfig config;
  private final Lookup lookup;

  JuryList(SelectionConfig config, Lookup lookup) {
    this.config = config;
    this.lookup = lookup;
  }

  /** What a request asks for; {@code scope} is what its cursor is bound to (not the page size nor the language). */
  private record Query(Optional<String> status, Double min, Double max, boolean byScore, int limit,
      Optional<String> cursor) {

    boolean scored() {
      return byScore || min != null || max != null;
    }

    String scope(String callId) {
      return String.join("|", "jury", callId, status.orElse(""), byScore ? "score" : "time", String.valueOf(min),
          String.valueOf(max));
    }
  }

  ApiResponse list(ApiRequest request) {
    JuryAccess access = lookup.reviewing(Caller.from(request), lookup.call(request.path("id")));
    Query query = query(request);
    if (query.scored() && !access.editor()) {
      throw ApiException.forbidden("Scores are for the call's editors and admins: reviewers see their own only.");
    }
    LanguagePreference languages = LanguagePreference.of(request);
    ApplicationForm form = access.call().call().form();
    String callId = access.call().id();
    String scope = query.scope(callId);
    Map<String, String> after = query.cursor().map(c -> config.cursors().decode(c, scope)).orElse(null);
    Predicate<ReviewStore.Reviewed> keep = reviewed -> query.status().isEmpty()
        || reviewed.application().status().id().equals(query.status().get());
    List<ReviewStore.Reviewed> items;
    Map<String, String> next;
    if (query.scored()) {
      var all = new ArrayList<ReviewStore.Reviewed>();
      config.reviews().eachSubmitted(callId, reviewed -> {
        if (keep.test(reviewed) && withinScores(query, score(form, reviewed))) {
          all.add(reviewed);
        }
      });
      if (query.byScore()) {
        all.sort(Comparator.comparing((ReviewStore.Reviewed r) -> score(form, r),
            Comparator.nullsLast(Comparator.reverseOrder())));
      }
      int from = after == null ? 0 : offset(after);
      int to = Math.min(all.size(), from + query.limit());
      items = from >= all.size() ? List.of() : all.subList(from, to);
      next = to < all.size() ? Map.of("offset", Integer.toString(to)) : null;
    } else {
      ReviewStore.Page page = config.reviews().submitted(callId, query.limit(), after, keep);
      items = page.items();
      next = page.next();
    }
    var rows = items.stream().map(reviewed -> row(access, form, reviewed, languages)).toList();
    var body = new LinkedHashMap<String, Object>();
    body.put("items", rows);
    body.put("nextCursor", next == null ? null : config.cursors().encode(next, scope));
    body.put("blindReview", access.blind());
    body.put("formVersion", form.version());
    body.put("criteria", ReviewView.criteria(form, languages, access.call().originalLanguage()));
    return ApiResponse.json(body, NO_STORE);
  }

  private static Map<String, Object> row(JuryAccess access, ApplicationForm callForm, ReviewStore.Reviewed reviewed,
      LanguagePreference languages) {
    Application application = reviewed.application();
    ApplicationForm form = application.formOr(callForm);
    var row = new LinkedHashMap<String, Object>();
    row.put("applicationId", application.id());
    row.put("reference", application.reference());
    row.put("status", application.status());
    row.put("submittedAt", application.submittedAt());
    if (!access.blind(application)) {
      row.put("name", application.name());
      row.put("email", application.email());
    }
    row.put("formVersion", form.version());
    // The list's criteria are the call's form's; an application that answered an earlier form brings its own.
    if (!form.criteria().equals(callForm.criteria())) {
      row.put("criteria", ReviewView.criteria(form, languages, access.call().originalLanguage()));
    }
    if (access.editor()) {
      row.put("score", Scores.mean(form, reviewed.reviews()));
      row.put("reviewCount", reviewed.reviews().stream().filter(Review::counts).count());
      row.put("recusals", ReviewView.recusals(reviewed.reviews()));
      row.put("decisionSentAt", application.decisionSentAt());
    }
    row.put("reviewedByMe", reviewed.reviews().stream().anyMatch(r -> access.wrote(r) && r.counts()));
    row.put("recusedByMe", reviewed.reviews().stream().anyMatch(r -> access.wrote(r) && r.isRecusal()));
    return row;
  }

  private static Double score(ApplicationForm callForm, ReviewStore.Reviewed reviewed) {
    return Scores.mean(reviewed.application().formOr(callForm), reviewed.reviews());
  }

  private static boolean withinScores(Query query, Double mean) {
    return (query.min() == null || (mean != null && mean >= query.min()))
        && (query.max() == null || (mean != null && mean <= query.max()));
  }

  private static int offset(Map<String, String> position) {
    try {
      return Integer.parseInt(position.getOrDefault("offset", "0"));
    } catch (NumberFormatException e) {
      throw ApiException.invalid("cursor", "This cursor is not valid for this list; start again without it.");
    }
  }

  private static Query query(ApiRequest request) {
    Optional<String> status = request.query("status");
    if (status.isPresent() && !LISTED.contains(status.get())) {
      throw ApiException.invalid("status", "'status' is submitted, shortlisted, accepted or rejected.");
    }
    String sort = request.query("sort").orElse("time");
    if (!sort.equals("time") && !sort.equals("score")) {
      throw ApiException.invalid("sort", "'sort' is time or score.");
    }
    return new Query(status, score(request, "minScore"), score(request, "maxScore"), sort.equals("score"),
        request.wholeNumber("limit", DEFAULT_LIMIT, MAX_LIMIT), request.query("cursor"));
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
}
