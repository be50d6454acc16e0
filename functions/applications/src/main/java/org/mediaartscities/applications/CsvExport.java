package org.mediaartscities.applications;

import java.util.ArrayList;
import java.util.List;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;

/**
 * A call's applications as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads accents), CRLF
 * lines, one row per submitted application with its team, answers, each criterion's mean, the score, the number of
 * reviews and the recusals with their reasons. Columns follow the call's form; an application that answered an
 * earlier version fills the columns it has. Cells that a spreadsheet would run as a formula are neutralised. Rows are
 * added one at a time, as the applications are read page by page.
 */
public final class CsvExport {

  private final ApplicationForm form;
  private final String lang;
  private final StringBuilder csv = new StringBuilder("\uFEFF");
  private int rows;

  public CsvExport(ContentItem call) {
    this.form = call.call().form();
    this.lang = call.originalLanguage();
    var header = new ArrayList<>(List.of("Reference", "Status", "Submitted at", "Name", "Email", "Language",
        "Team"));
    form.fields().forEach(f -> header.add(String.valueOf(Texts.pick(f.label(), lang))));
    form.criteria().forEach(c -> header.add(String.valueOf(Texts.pick(c.name(), lang))));
    header.addAll(List.of("Score", "Reviews", "Recusals"));
    row(header);
  }

  /** Every submitted application of the call, read page by page from the store. */
  public static String of(ContentItem call, ReviewStore reviews) {
    var export = new CsvExport(call);
    reviews.eachSubmitted(call.id(), export::add);
    return export.text();
  }

  /** One more application's row. */
  public void add(ReviewStore.Reviewed reviewed) {
    Application a = reviewed.application();
    if (a.submittedAt() == null) {
      return;
    }
    var cells = new ArrayList<>(List.of(nullToEmpty(a.reference()), a.status().id(), a.submittedAt().toString(),
        a.name(), a.email(), nullToEmpty(a.language()), String.join("; ",
            a.team().stream().map(TeamRules::describe).toList())));
    for (ApplicationForm.Field field : form.fields()) {
      Object answer = a.answers().get(field.id());
      cells.add(answer == null ? "" : answer instanceof List<?> list
          ? String.join("; ", list.stream().map(String::valueOf).toList()) : String.valueOf(answer));
    }
    form.criteria().forEach(c -> {
      Double mean = Scores.criterionMean(c, reviewed.reviews());
      cells.add(mean == null ? "" : mean.toString());
    });
    Double score = Scores.mean(a.formOr(form), reviewed.reviews());
    cells.add(score == null ? "" : score.toString());
    cells.add(Long.toString(reviewed.reviews().stream().filter(Review::counts).count()));
    cells.add(String.join("; ", reviewed.recusals().stream()
        .map(r -> (r.email() != null ? r.email() : r.reviewer()) + ": " + r.recusal().reason()).toList()));
    row(cells);
    rows++;
  }

  /** How many applications were added. */
  public int rows() {
    return rows;
  }

  public String text() {
    return csv.toString();
  }

  private void row(List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      csv.append(cell(cells.get(i)));
    }
    csv.append("\r\n");
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
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
