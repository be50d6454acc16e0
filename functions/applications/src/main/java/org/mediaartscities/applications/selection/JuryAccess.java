package org.mediaartscities.applications.selection;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.Review;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Jury;
import org.mediaartscities.shared.http.ApiException;

/**
 * Who may see and judge a call's applications. A reviewer reviews only the calls whose jury names their email
 * address, and only one the token says Cognito verified; a call's city editors and admins review it too, and alone
 * decide, extend, mail decisions and export. Anyone else gets a 403 and changes nothing. Under blind review,
 * reviewers see no applicant's name, email, language, team or file names; and reviewers see their own review only,
 * never the mean nor the others', so that nobody scores under the influence of the others.
 */
record JuryAccess(Caller caller, ContentItem call) {

  /** The caller reviewing {@code call}, if they may; {@code juries} reads a call's jury (only for reviewers). */
  static JuryAccess toReview(Caller caller, ContentItem call, Function<String, Optional<Jury>> juries) {
    if (caller.editsCity(call.city())) {
      return new JuryAccess(caller, call);
    }
    if (isJuror(caller) && juries.apply(call.id()).filter(jury -> jury.names(caller.verifiedEmail())).isPresent()) {
      return new JuryAccess(caller, call);
    }
    throw ApiException.forbidden("Only the call's jury (by a verified email address), its city editors and admins "
        + "can review its applications.");
  }

  /** Whether the caller can sit on a jury at all: a reviewer whose address Cognito verified. */
  static boolean isJuror(Caller caller) {
    return caller.groups().contains(Caller.REVIEWERS) && caller.verifiedEmail() != null;
  }

  /** The caller deciding on {@code call}'s applications, if they are its city's editor or an admin. */
  static JuryAccess toDecide(Caller caller, ContentItem call) {
    if (!caller.editsCity(call.city())) {
      throw ApiException.forbidden("Only the call's city editors and admins can do this.");
    }
    return new JuryAccess(caller, call);
  }

  /** Whether the caller is one of the call's editors (or an admin): they see everything. */
  boolean editor() {
    return caller.editsCity(call.city());
  }

  /** Whether the call's applicants stay anonymous to this caller (the call's form says so now). */
  boolean blind() {
    return call.call().form().blindReview() && !editor();
  }

  /** Whether this application's applicant stays anonymous: the call's form or the one it answered says so. */
  boolean blind(Application application) {
    return !editor() && (blind() || application.formOr(call.call().form()).blindReview());
  }

  /** Whether this caller sees {@code review}: their own, or every one for the call's editors. */
  boolean sees(Review review) {
    return editor() || wrote(review);
  }

  /** Whether {@code review} is this caller's. */
  boolean wrote(Review review) {
    return review.reviewer().equals(caller.subject());
  }

  /** The refusal of a reviewer who recused themselves from the application. */
  static ApiException recused() {
    return new ApiException(403, "recused", "You recused yourself from this application.", null);
  }

  /** Refuses a reviewer who recused themselves from the application; its editors keep their access. */
  void requireNotRecused(List<Review> reviews) {
    if (!editor() && reviews.stream().anyMatch(r -> wrote(r) && r.isRecusal())) {
      throw recused();
    }
  }
}
