package org.mediaartscities.applications.selection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.Review;
import org.mediaartscities.applications.Scores;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.i18n.LanguagePreference;

/**
 * One application as the jury sees it, all a reviewer needs on one screen: the criteria to score (from the form the
 * application answered), answers, files to download, and the reviews the caller may see. Editors also get the score,
 * every review and the recusals; under blind review, reviewers get no identity and neutral file names.
 */
final class ReviewView {

  private final SelectionConfig config;

  ReviewView(SelectionConfig config) {
    this.config = config;
  }

  Map<String, Object> of(JuryAccess access, Application application, List<Review> reviews,
      LanguagePreference languages) {
    ContentItem call = access.call();
    ApplicationForm form = application.formOr(call.call().form());
    String original = call.originalLanguage();
    boolean blind = access.blind(application);
    var view = new LinkedHashMap<String, Object>();
    view.put("applicationId", application.id());
    view.put("reference", application.reference());
    view.put("status", application.status());
    view.put("call", Map.of("id", call.id(), "slug", call.slug(), "title", Texts.title(call, languages)));
    if (!blind) {
      view.put("name", application.name());
      view.put("email", application.email());
      view.put("language", application.language());
      view.put("team", application.team());
    }
    view.put("blindReview", blind);
    view.put("submittedAt", application.submittedAt());
    view.put("extendedUntil", application.extendedUntil());
    view.put("formVersion", form.version());
    view.put("criteria", criteria(form, languages, original));
    view.put("answers", form.fields().stream().filter(f -> application.answers().containsKey(f.id()))
        .map(f -> Map.of("id", f.id(), "label", String.valueOf(Texts.pick(f.label(), languages, original)),
            "answer", application.answers().get(f.id())))
        .toList());
    view.put("files", files(access, application, blind));
    if (access.editor()) {
      view.put("score", Scores.mean(form, reviews));
      view.put("reviewCount", reviews.stream().filter(Review::counts).count());
      view.put("reviews", reviews.stream().filter(r -> !r.isRecusal()).toList());
      view.put("recusals", recusals(reviews));
      view.put("decisionSentAt", application.decisionSentAt());
    } else {
      view.put("reviews", reviews.stream().filter(access::wrote).toList());
    }
    return view;
  }

  /** The criteria a reviewer scores, in the reviewer's language, with their scale and weight as Scores uses them. */
  static List<Map<String, Object>> criteria(ApplicationForm form, LanguagePreference languages, String original) {
    return form.criteria().stream().map(c -> {
      var criterion = new LinkedHashMap<String, Object>();
      criterion.put("id", c.id());
      criterion.put("name", Texts.pick(c.name(), languages, original));
      criterion.put("scale", c.scale() == null ? 5 : c.scale());
      criterion.put("weight", c.weight() == null ? 1.0 : c.weight());
      return (Map<String, Object>) criterion;
    }).toList();
  }

  /** Who recused themselves from an application, and why: for the call's editors. */
  static List<Map<String, Object>> recusals(List<Review> reviews) {
    return reviews.stream().filter(Review::isRecusal).map(r -> {
      var recusal = new LinkedHashMap<String, Object>();
      recusal.put("reviewer", r.reviewer());
      recusal.put("email", r.email());
      recusal.put("reason", r.recusal().reason());
      recusal.put("at", r.recusal().at());
      return (Map<String, Object>) recusal;
    }).toList();
  }

  /**
   * The application's files; under blind review named {@code <question>-<n>.<ext>} in the order they were added
   * ({@code portfolio-1.pdf}), since a file name often is the applicant's.
   */
  private List<Map<String, Object>> files(JuryAccess access, Application application, boolean blind) {
    List<ApplicationFile> files = new ArrayList<>(config.files().of(application.id()));
    files.sort(Comparator.comparing(ApplicationFile::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(ApplicationFile::id));
    var counts = new HashMap<String, Integer>();
    var views = new ArrayList<Map<String, Object>>();
    for (ApplicationFile file : files) {
      int n = counts.merge(file.fieldId(), 1, Integer::sum);
      if (access.editor()) {
        views.add(config.downloads().original(file));
      } else {
        views.add(config.downloads().forReviewers(file, blind ? file.serverName(n) : file.fileName()));
      }
    }
    return views;
  }
}
