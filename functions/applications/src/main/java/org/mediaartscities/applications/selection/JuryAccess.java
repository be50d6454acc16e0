package org.mediaartscities.applications.selection;

import org.mediaartscities.applications.Review;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.http.ApiException;

/**
 * Who may see and judge a call's applications. Reviewers review every call; a call's city editors and admins review
 * it too, and alone decide, extend, mail decisions and export. Under blind review, reviewers who are not the call's
 * editors see no applicant's name, email, language or team; and reviewers see their own review only, so that nobody
 * scores under the influence of the others.
 */
record JuryAccess(Caller caller, ContentItem call) {

  /** The caller reviewing {@code call}, if they may. */
  static JuryAccess toReview(Caller caller, ContentItem call) {
    if (!caller.groups().contains(Caller.REVIEWERS) && !caller.editsCity(call.city())) {
      throw ApiException.forbidden("Only reviewers, the call's city editors and admins can review applications.");
    }
    return new JuryAccess(caller, call);
  }

  /** The caller deciding on {@code call}'s applications, if they are its city's editor or an admin. */
  static JuryAccess toDecide(Caller caller, ContentItem call) {
    if (!caller.editsCity(call.city())) {
      throw ApiException.forbidden("Only the call's city editors and admins can do this.");
    }
    return new JuryAccess(caller, call);
  }

  /** Whether the applicants stay anonymous to this caller. */
  boolean blind() {
    return call.call().form().blindReview() && !caller.editsCity(call.city());
  }

  /** Whether this caller sees {@code review}: their own, or every one for the call's editors. */
  boolean sees(Review review) {
    return caller.editsCity(call.city()) || review.reviewer().equals(caller.subject());
  }

  /** Whether {@code review} is this caller's. */
  boolean wrote(Review review) {
    return review.reviewer().equals(caller.subject());
  }
}
