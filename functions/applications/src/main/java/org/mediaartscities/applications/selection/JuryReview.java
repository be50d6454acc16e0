package org.mediaartscities.applications.selection;

import java.util.List;
import java.util.Map;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.Review;
import org.mediaartscities.applications.Scores;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.text.FieldRules;

/**
 * A juror's work on one application: reading it, scoring it against the criteria of the form it answered, and
 * recusing themselves from it (a conflict of interest), after which they no longer see it and their review, if any,
 * leaves the mean.
 */
final class JuryReview {

  static final String NO_STORE = "no-store";
  private static final int MAX_COMMENT = 5_000;
  static final int MAX_REASON = 1_000;

  private final SelectionConfig config;
  private final Lookup lookup;
  private final ReviewView views;

  JuryReview(SelectionConfig config, Lookup lookup, ReviewView views) {
    this.config = config;
    this.lookup = lookup;
    this.views = views;
  }

  record ReviewInput(Map<String, Integer> scores, String comment) {}

  record RecusalInput(String reason) {}

  ApiResponse detail(ApiRequest request) {
    Caller caller = Caller.from(request);
    Application application = lookup.application(request.path("id")).application();
    JuryAccess access = lookup.reviewing(caller, lookup.call(application.callId()));
    if (!access.editor()) {
      application.requireSubmitted("are reviewed"); // a juror never reads a draft or a withdrawn application
    }
    List<Review> reviews = config.reviews().of(application.id());
    access.requireNotRecused(reviews);
    return ApiResponse.json(views.of(access, application, reviews, LanguagePreference.of(request)), NO_STORE);
  }

  ApiResponse review(ApiRequest request) {
    Caller caller = Caller.from(request);
    Application application = lookup.application(request.path("id")).application();
    JuryAccess access = lookup.reviewing(caller, lookup.call(application.callId()));
    access.requireNotRecused(config.reviews().of(application.id()));
    application.requireSubmitted("are reviewed");
    ReviewInput input = JsonBody.parse(request, ReviewInput.class);
    var scores = Scores.check(application.formOr(access.call().call().form()), input.scores());
    String comment = FieldRules.multiLine(input.comment());
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw ApiException.invalid("comment", "A comment has at most 5,000 characters.");
    }
    Review review = new Review(caller.subject(), scores, comment, config.now(), caller.verifiedEmail(), null);
    if (!config.reviews().put(application, review)) {
      throw JuryAccess.recused(); // the recusal won a race with this review
    }
    List<Review> reviews = config.reviews().of(application.id());
    return ApiResponse.json(views.of(access, application, reviews, LanguagePreference.of(request)), NO_STORE);
  }

  /** The caller steps back from an application: 200 with their recusal; recusing again keeps the first one. */
  ApiResponse recuse(ApiRequest request) {
    Caller caller = Caller.from(request);
    Application application = lookup.application(request.path("id")).application();
    lookup.reviewing(caller, lookup.call(application.callId()));
    application.requireSubmitted("are reviewed");
    RecusalInput input = JsonBody.parse(request, RecusalInput.class);
    String reason = FieldRules.multiLine(input.reason());
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("reason", "'reason' says why you recuse yourself, e.g. a conflict of interest.");
    }
    if (reason.length() > MAX_REASON) {
      throw ApiException.invalid("reason", "A reason has at most 1,000 characters.");
    }
    Review recusal = config.reviews().recuse(application, caller.subject(), caller.verifiedEmail(), reason.strip(),
        config.now());
    return ApiResponse.json(Map.of("applicationId", application.id(), "recusal", recusal.recusal()), NO_STORE);
  }

}
