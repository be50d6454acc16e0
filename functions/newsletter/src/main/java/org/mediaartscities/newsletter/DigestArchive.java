package org.mediaartscities.newsletter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.i18n.LanguagePreference;

/** The public archive of sent digests: their list, and each one's HTML in a language. No subscriber's data. */
final class DigestArchive {

  private static final String CACHE = "public, max-age=300";
  private static final int MAX_LIMIT = 50;

  private final DigestRuns runs;

  DigestArchive(DigestRuns runs) {
    this.runs = runs;
  }

  ApiResponse list(ApiRequest request) {
    int limit = request.query("limit").map(raw -> {
      try {
        int value = Integer.parseInt(raw);
        if (value >= 1 && value <= MAX_LIMIT) {
          return value;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ApiException.invalid("limit", "'limit' is a number from 1 to " + MAX_LIMIT + ".");
    }).orElse(20);
    List<Map<String, Object>> items = runs.archive(limit).stream().map(DigestArchive::summary).toList();
    return ApiResponse.json(Map.of("items", items), CACHE);
  }

  ApiResponse get(ApiRequest request) {
    String id = request.path("id");
    DigestRun run = (id.matches("(weekly|monthly)-\\d{4}-\\d{2}-\\d{2}") ? runs.get(id)
        : Optional.<DigestRun>empty()).filter(r -> r.items() > 0 && r.status() == DigestRun.Status.PLANNED)
        .orElseThrow(() -> ApiException.notFound("No digest '" + id + "'."));
    String chosen = LanguagePreference.of(request).choose(run.languages(), LanguagePreference.DEFAULT);
    String html = runs.archivedHtml(run.id(), chosen)
        .orElseThrow(() -> ApiException.notFound("No digest '" + id + "'."));
    if (request.query("format").filter("html"::equals).isPresent()) {
      return ApiResponse.ok(html, "text/html; charset=utf-8", CACHE).withHeader("content-language", chosen);
    }
    var body = new LinkedHashMap<>(summary(run));
    body.put("lang", chosen);
    body.put("html", html);
    return ApiResponse.json(body, CACHE).withHeader("content-language", chosen);
  }

  private static Map<String, Object> summary(DigestRun run) {
    var summary = new LinkedHashMap<String, Object>();
    summary.put("id", run.id());
    summary.put("frequency", run.frequency());
    summary.put("since", run.since());
    summary.put("publishedAt", run.until());
    summary.put("items", run.items());
    summary.put("languages", run.languages());
    return summary;
  }
}
