package org.mediaartscities.applications.selection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.Review;
import org.mediaartscities.applications.Scores;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;

/** One application as the jury sees it: answers, files to download, score, and the reviews the caller may see. */
final class ReviewView {

  private final SelectionConfig config;

  ReviewView(SelectionConfig config) {
    this.config = config;
  }

  Map<String, Object> of(JuryAccess access, Application application) {
    ContentItem call = access.call();
    ApplicationForm form = call.call().form();
    String lang = call.originalLanguage();
    var view = new LinkedHashMap<String, Object>();
    view.put("applicationId", application.id());
    view.put("reference", application.reference());
    view.put("status", application.status());
    view.put("call", Map.of("id", call.id(), "slug", call.slug()));
    if (!access.blind()) {
      view.put("name", application.name());
      view.put("email", application.email());
      view.put("language", application.language());
      view.put("team", application.team());
    }
    view.put("submittedAt", application.submittedAt());
    view.put("extendedUntil", application.extendedUntil());
    view.put("answers", form.fields().stream().filter(f -> application.answers().containsKey(f.id()))
        .map(f -> Map.of("id", f.id(), "label", String.valueOf(Texts.pick(f.label(), lang)),
            "answer", application.answers().get(f.id())))
        .toList());
    view.put("files", config.files().of(application.id()).stream().map(config.downloads()::view).toList());
    List<Review> reviews = config.reviews().of(application.id());
    view.put("score", Scores.mean(form, reviews));
    view.put("reviewCount", reviews.size());
    view.put("reviews", reviews.stream().filter(access::sees).toList());
    return view;
  }
}
