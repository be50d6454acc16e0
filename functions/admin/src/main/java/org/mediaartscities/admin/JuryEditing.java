package org.mediaartscities.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.EditorialItem;
import org.mediaartscities.shared.content.Jury;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.VersionConflictException;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.http.JsonBody;
import org.mediaartscities.shared.text.FieldRules;

/**
 * A call's jury: the email addresses of the reviewers who may read and score its applications. For the call's
 * city editors and admins. The jury has its own version (0 before the first save), so that editing the call and
 * naming its jury do not stand in each other's way.
 */
final class JuryEditing {

  private static final int MAX_ADDRESS = 254;

  private final AdminConfig config;
  private final StoredItems items;

  JuryEditing(AdminConfig config, StoredItems items) {
    this.config = config;
    this.items = items;
  }

  /** The body of {@code PUT /admin/calls/{id}/jury}; the {@code version} a client read is ignored. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"version"}, allowGetters = false)
  record JuryInput(List<String> reviewers) {}

  ApiResponse get(ApiRequest request) {
    EditorialItem call = items.editable(request, Caller.from(request), Kind.CALL);
    String id = call.item().id();
    return respond(config.repository().jury(id).orElse(Jury.none(id)));
  }

  ApiResponse put(ApiRequest request) {
    EditorialItem call = items.editable(request, Caller.from(request), Kind.CALL);
    Optional<String> ifMatch = request.header("if-match");
    if (ifMatch.isEmpty()) {
      throw StoredItems.preconditionRequired("jury");
    }
    long expected = StoredItems.version(ifMatch.get(), "jury");
    List<String> reviewers = reviewers(JsonBody.parse(request, JuryInput.class));
    try {
      return respond(config.store().putJury(call.item().id(), reviewers, expected));
    } catch (VersionConflictException e) {
      throw StoredItems.stale("jury");
    }
  }

  private static List<String> reviewers(JuryInput input) {
    List<String> given = InputFields.required("reviewers", input.reviewers());
    if (given.size() > Jury.MAX_REVIEWERS) {
      throw ApiException.invalid("reviewers", "A jury has at most " + Jury.MAX_REVIEWERS + " reviewers.");
    }
    var reviewers = new ArrayList<String>();
    for (int i = 0; i < given.size(); i++) {
      String email = given.get(i) == null ? null : given.get(i).strip();
      if (email == null || email.length() > MAX_ADDRESS || !FieldRules.isEmailAddress(email)) {
        throw ApiException.invalid("reviewers[" + i + "]", "Each reviewer is named by an email address.");
      }
      reviewers.add(Jury.address(email));
    }
    return reviewers;
  }

  private static ApiResponse respond(Jury jury) {
    var body = new LinkedHashMap<String, Object>();
    body.put("reviewers", jury.reviewers());
    body.put("version", jury.version());
    return ApiResponse.json(body, StoredItems.NO_CACHE).withHeader("etag", StoredItems.etag(jury.version()));
  }
}
