package org.mediaartscities.applications.selection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.Review;
import org.mediaartscities.applications.ReviewStore;
import org.mediaartscities.applications.Scores;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.text.FieldRules;

/**
 * The jury's work: a call's submitted applications with their weighted scores (filtered and sorted), one
 * application, and a reviewer's scores and comment.
 */
final class JuryReview {

  static final String NO_STORE = "no-store";
  private static final Set<String> LISTED = Set.of("submitted", "shortlisted", "accepted", "rejected", "withdrawn");
  private static final int MAX_COMMENT = 5_000;

  private final SelectionConfig config;
  private final Lookup lookup;
  private final ReviewView views;

  JuryReview(SelectionConfig config, Lookup lookup, ReviewView views) {
    this.config = config;
    this.lookup = lookup;
    this.views = views;
  }

  record ReviewInput(Map<String, Integer> scores, String comment) {}

  ApiResponse list(ApiRequest request) {
    Caller caller = Caller.from(request);
    JuryAccess access = JuryAccess.toReview(caller, lookup.call(request.path("id")));
    ApplicationForm form = access.call().call().form();
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
    var rows = new ArrayList<Map<String, Object>>();
    for (ReviewStore.Reviewed reviewed : config.reviews().byCall(access.call().id())) {
      Application application = reviewed.stored().application();
      boolean otherStatus = status.isPresent() && !application.status().id().equals(status.get());
      if (application.submittedAt() == null || otherStatus) {
        continue;
      }
      Double mean = Scores.mean(form, reviewed.reviews());
      if ((min != null && (mean == null || mean < min)) || (max != null && (mean == null || mean > max))) {
        continue;
      }
      rows.add(row(access, application, mean, reviewed));
    }
    Comparator<Map<String, Object>> order = sort.equals("score")
        ? Comparator.comparing((Map<String, Object> r) -> (Double) r.get("score"),
            Comparator.nullsLast(Comparator.reverseOrder()))
        : Comparator.comparing(r -> (Instant) r.get("submittedAt"));
    rows.sort(order);
    return ApiResponse.json(Map.of("items", rows, "blindReview", access.blind()), NO_STORE);
  }

  ApiResponse detail(ApiRequest request) {
    Caller caller = Caller.from(request);
    Application application = lookup.application(request.path("id")).application();
    JuryAccess access = JuryAccess.toReview(caller, lookup.call(application.callId()));
    return ApiResponse.json(views.of(access, application), NO_STORE);
  }

  ApiResponse review(ApiRequest request) {
    Caller caller = Caller.from(request);
    ApplicationStore.Stored stored = lookup.application(request.path("id"));
    Application application = stored.application();
    JuryAccess access = JuryAccess.toReview(caller, lookup.call(application.callId()));
    application.requireSubmitted("are reviewed");
    ReviewInput input = JsonBody.parse(request, ReviewInput.class);
    var scores = Scores.check(access.call().call().form(), input.scores());
    String comment = FieldRules.multiLine(input.comment());
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw ApiException.invalid("comment", "A comment has at most 5,000 characters.");
    }
    config.reviews().put(application, new Review(caller.subject(), scores, comment, config.now()));
    return ApiResponse.json(views.of(access, application), NO_STORE);
  }

  private static Map<String, Object> row(JuryAccess access, Application application, Double mean,
      ReviewStore.Reviewed reviewed) {
    var row = new LinkedHashMap<String, Object>();
    row.put("applicationId", application.id());
    row.put("reference", application.reference());
    row.put("status", application.status());
    row.put("submittedAt", application.submittedAt());
    if (!access.blind()) {
      row.put("name", application.name());
      row.put("email", application.email());
    }
    row.put("score", mean);
    row.put("reviewCount", reviewed.reviews().size());
    row.put("reviewedByMe", reviewed.reviews().stream().anyMatch(access::wrote));
    return row;
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
