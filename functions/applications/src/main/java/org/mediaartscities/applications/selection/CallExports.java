package org.mediaartscities.applications.selection;

import org.mediaartscities.applications.CsvExport;
import org.mediaartscities.applications.ExportJob;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;
import org.mediaartscities.shared.i18n.LanguagePreference;

/** A call's applications taken away by its editors: the CSV at once, the ZIP of all files built in the background. */
final class CallExports {

  private static final String NO_STORE = JuryReview.NO_STORE;

  private final SelectionConfig config;
  private final EditorDecisions editors;

  CallExports(SelectionConfig config, EditorDecisions editors) {
    this.config = config;
    this.editors = editors;
  }

  /** A direct CSV download's limit, under Lambda's 6 MB response (the body is also base64-free text). */
  static final int MAX_CSV_BYTES = 5_000_000;

  ApiResponse csv(ApiRequest request) {
    ContentItem call = editors.editorsCall(request);
    String csv = CsvExport.of(call, CsvExport.language(call, LanguagePreference.of(request)), config.reviews());
    if (csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CSV_BYTES) {
      // Lambda answers at most 6 MB: past that the direct download would fail; the ZIP is built in the background.
      throw new ApiException(409, "export_too_large", "This call's CSV is larger than a direct download allows; "
          + "ask for the ZIP export (POST /admin/calls/{id}/exports), whose applications.csv holds every row.", null);
    }
    return ApiResponse.ok(csv, "text/csv; charset=utf-8", NO_STORE)
        .withHeader("content-disposition", "attachment; filename=\"" + call.slug() + "-applications.csv\"");
  }

  /** Starts building the ZIP of all the call's files (or returns the one in progress): 202 and where to follow it. */
  ApiResponse requestZip(ApiRequest request) {
    ContentItem call = editors.editorsCall(request);
    ExportJob job = config.exports().request(call, config.now());
    return ApiResponse.json(config.exports().view(job), NO_STORE).withStatus(202)
        .withHeader("location", "/admin/calls/" + call.id() + "/exports/" + job.id());
  }

  ApiResponse zipStatus(ApiRequest request) {
    ContentItem call = editors.editorsCall(request);
    ExportJob job = config.exports().get(call.id(), request.path("exportId"))
        .orElseThrow(() -> ApiException.notFound("No export '" + request.path("exportId") + "' of this call."));
    return ApiResponse.json(config.exports().view(job), NO_STORE);
  }
}
