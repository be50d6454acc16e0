package org.mediaartscities.applications.applying;

import java.util.Map;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.shared.http.ApiException;
import org.mediaartscities.shared.http.ApiRequest;
import org.mediaartscities.shared.http.ApiResponse;

/** The applicant's files of a draft: announcing one (an upload URL in return) and deleting one. */
final class ApplicantFiles {

  private final ApplyingConfig config;
  private final ApplicantAccess access;

  ApplicantFiles(ApplyingConfig config, ApplicantAccess access) {
    this.config = config;
    this.access = access;
  }

  ApiResponse announce(ApiRequest request) {
    Application application = access.application(request).application();
    application.requireDraft();
    var form = access.formOf(application);
    var upload = config.uploads().announce(application, form, request.body(), config.now());
    return ApiResponse.json(upload, Applying.NO_STORE).withStatus(201);
  }

  ApiResponse delete(ApiRequest request) {
    Application application = access.application(request).application();
    application.requireDraft();
    String fileId = request.path("fileId");
    ApplicationFile file = config.files().of(application.id()).stream()
        .filter(f -> f.id().equals(fileId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("No file '" + fileId + "' in this application."));
    config.uploads().delete(file);
    return new ApiResponse(204, "", Map.of("cache-control", Applying.NO_STORE));
  }
}
