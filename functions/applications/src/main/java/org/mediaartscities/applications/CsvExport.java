package org.mediaartscities.applications;

import java.util.ArrayList;
import java.util.List;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;

/**
 * A call's applications as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads accents), CRLF
 * lines, one row per submitted application with its team, answers, each criterion's mean, the score and the number of
 * reviews. Cells that a spreadsheet would run as a formula are neutralised.
 */
public final class CsvExport {

  private CsvExport() {}

  public static String of(ContentItem call, List<ReviewStore.Reviewed> applications) {
    ApplicationForm form = call.call().form();
    String lang = call.originalLanguage();
    var csv = new StringBuilder("\uFEFF");
    var header = new ArrayList<>(List.of("Reference", "Status", "Submitted at", "Name", "Email", "Language",
        "Team"));
    form.fields().forEach(f -> header.add(String.valueOf(Texts.pick(f.label(), lang))));
    form.criteria().forEach(c -> header.add(String.valueOf(Texts.pick(c.name(), lang))));
    header.addAll(List.of("Score", "Reviews"));
    row(csv, header);
    for (ReviewStore.Reviewed reviewed : applications) {
      Application a = reviewed.stored().application();
      if (a.submittedAt() == null) {
        continue;
      }
      var cells = new ArrayList<>(List.of(a.reference(), a.status().id(), a.submittedAt().toString(), a.name(),
          a.email(), a.language(), String.join("; ", a.team().stream().map(TeamRules::describe).toList())));
      for (ApplicationForm.Field field : form.fields()) {
        Object answer = a.answers().get(field.id());
        cells.add(answer == null ? "" : answer instanceof List<?> list
            ? String.join("; ", list.stream().map(String::valueOf).toList()) : String.valueOf(answer));
      }
      form.criteria().forEach(c -> {
        Double mean = Scores.criterionMean(c, reviewed.reviews());
        cells.add(mean == null ? "" : mean.toString());
      });
      Double score = Scores.mean(form, reviewed.reviews());
      cells.add(score == null ? "" : score.toString());
      cells.add(Integer.toString(reviewed.reviews().size()));
      row(csv, cells);
    }
    return csv.toString();
  }

  private static void row(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  public static String cell(String value) {
    String text = value == null ? "" : value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text; // not a formula (CSV injection)
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
