package org.mediaartscities.applications.selection;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.auth.Caller;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.i18n.LanguagePreference;

/**
 * A juror's calls: those whose jury names the caller's verified email address (none without one), soonest closing
 * first, each with its number of submitted applications.
 */
final class JuryCalls {

  private final SelectionConfig config;

  JuryCalls(SelectionConfig config) {
    this.config = config;
  }

  ApiResponse list(ApiRequest request) {
    Caller caller = Caller.from(request);
    LanguagePreference languages = LanguagePreference.of(request);
    // The same rule as opening a call: a reviewer with a verified address, or nothing is listed.
    List<String> judged = JuryAccess.isJuror(caller) ? config.calls().callsJudgedBy(caller.verifiedEmail()) : List.of();
    var items = judged.stream()
        .map(id -> config.calls().item(id).orElse(null))
        .filter(Objects::nonNull)
        .filter(call -> call.kind() == Kind.CALL && call.call() != null && call.call().form() != null)
        .sorted(Comparator.comparing((ContentItem call) -> call.call().closesAt()))
        .map(call -> {
          var view = new LinkedHashMap<String, Object>();
          view.put("id", call.id());
          view.put("slug", call.slug());
          view.put("city", call.city());
          view.put("title", Texts.title(call, languages));
          view.put("opensAt", call.call().opensAt());
          view.put("closesAt", call.call().closesAt());
          view.put("blindReview", call.call().form().blindReview());
          view.put("submitted", config.reviews().countSubmitted(call.id()));
          return (Map<String, Object>) view;
        })
        .toList();
    return ApiResponse.json(Map.of("items", items), JuryReview.NO_STORE);
  }
}
