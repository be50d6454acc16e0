package org.mediaartscities.applications.applying;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mediaartscities.applications.SubmissionWindow;
import org.mediaartscities.applications.Texts;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Translation;

/**
 * A call's form in one language, with the server's time and the deadline, so that the frontend can show an honest
 * countdown whatever the visitor's clock says.
 */
final class FormView {

  private FormView() {}

  static Map<String, Object> of(ContentItem call, String lang, Instant now) {
    SubmissionWindow window = SubmissionWindow.of(call.call());
    ApplicationForm form = call.call().form();
    Translation text = call.translations().getOrDefault(lang, call.translations().get(
        new org.mediaartscities.shared.i18n.LanguagePreference(java.util.List.of(lang))
            .choose(call.translations().keySet(), call.originalLanguage())));
    var view = new LinkedHashMap<String, Object>();
    view.put("call", Map.of("slug", call.slug(), "title", text.title() == null ? call.slug() : text.title()));
    view.put("lang", lang);
    view.put("serverTime", now);
    view.put("status", window.statusAt(now));
    view.put("opensAt", window.local(window.opensAt()));
    view.put("closesAt", window.local(window.closesAt()));
    view.put("timeZone", window.timeZone());
    view.put("eligibility", text.eligibility());
    view.put("onePerEmail", form.onePerEmail());
    view.put("maxTeamMembers", form.maxTeamMembers());
    view.put("fields", form.fields().stream().map(field -> {
      var f = new LinkedHashMap<String, Object>();
      f.put("id", field.id());
      f.put("type", field.type());
      f.put("required", field.required());
      f.put("label", Texts.pick(field.label(), lang));
      f.put("help", Texts.pick(field.help(), lang));
      if (field.type().equals("long-text")) {
        f.put("minWords", field.minWords());
        f.put("maxWords", field.maxWords());
      }
      if (field.type().endsWith("choice")) {
        f.put("choices", field.choices().stream().map(c -> Map.of("value", c.value(), "label",
            String.valueOf(Texts.pick(c.label(), lang)))).toList());
      }
      if (field.type().equals("file")) {
        f.put("fileTypes", field.fileTypes());
        f.put("maxFileBytes", field.maxFileBytes());
        f.put("maxFiles", field.maxFiles());
      }
      return f;
    }).toList());
    return view;
  }
}
