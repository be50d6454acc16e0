package org.mediaartscities.applications.applying;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.applications.AnswerText;
import org.mediaartscities.applications.Application;
import org.mediaartscities.applications.ApplicationEmails;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.applications.TeamRules;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.content.ApplicationForm;

/** An application as its applicant sees it: everything they gave, its files, and the receipt once submitted. */
final class ApplicantView {

  private final ApplyingConfig config;

  ApplicantView(ApplyingConfig config) {
    this.config = config;
  }

  Map<String, Object> of(Application application) {
    List<ApplicationFile> files = config.files().of(application.id());
    var view = new LinkedHashMap<String, Object>();
    view.put("applicationId", application.id());
    view.put("reference", application.reference());
    view.put("status", application.applicantStatus());
    view.put("call", application.callSlug());
    view.put("name", application.name());
    view.put("email", application.email());
    view.put("emailVerified", application.emailVerified());
    view.put("language", application.language());
    view.put("answers", application.answers());
    view.put("team", application.team());
    view.put("files", files.stream().map(ApplicationFile::view).toList());
    view.put("createdAt", application.createdAt());
    view.put("updatedAt", application.updatedAt());
    view.put("submittedAt", application.submittedAt());
    view.put("withdrawnAt", application.withdrawnAt());
    if (application.submittedAt() != null) {
      var receipt = new LinkedHashMap<String, Object>();
      receipt.put("number", application.reference());
      receipt.put("submittedAt", application.submittedAt());
      // The form the application answered is its own copy; only rows older than copies read their call's.
      Optional<ApplicationForm> form = application.form() != null ? Optional.of(application.form())
          : ApplicantAccess.callOf(config.calls(), application).map(call -> call.call().form());
      form.ifPresent(answered -> receipt.put("summary", lines(answered, application, files)));
      view.put("receipt", receipt);
    }
    return view;
  }

  /**
   * The receipt's lines: each answered question's label in the applicant's language, and the answer as they would
   * say it: a country's name, a choice's label, a file's name.
   */
  static List<ApplicationEmails.Line> lines(ApplicationForm form, Application application,
      List<ApplicationFile> files) {
    String lang = application.language();
    var lines = new ArrayList<ApplicationEmails.Line>();
    for (ApplicationForm.Field field : form.fields()) {
      Object answer = field.type().equals("file")
          ? files.stream().filter(f -> f.fieldId().equals(field.id()) && f.status() == ApplicationFile.Status.READY)
              .map(f -> f.fileName() == null ? f.id() : f.fileName()).toList()
          : application.answers().get(field.id());
      if (answer instanceof List<?> list && list.isEmpty()) {
        answer = null;
      }
      if (answer != null) {
        lines.add(new ApplicationEmails.Line(Texts.pick(field.label(), lang), AnswerText.of(field, answer, lang)));
      }
    }
    if (!application.team().isEmpty()) {
      lines.add(new ApplicationEmails.Line(ApplicationEmails.teamLabel(lang),
          String.join("\n", application.team().stream().map(TeamRules::describe).toList())));
    }
    return lines;
  }

  /** A new application's answer: its token, shown this once, and the link that carries it. */
  static Map<String, Object> created(String id, String token, String accessUrl) {
    var body = new LinkedHashMap<String, Object>();
    body.put("applicationId", id);
    body.put("token", token);
    body.put("status", Application.Status.DRAFT);
    body.put("emailVerified", false);
    body.put("accessUrl", accessUrl);
    return body;
  }
}
