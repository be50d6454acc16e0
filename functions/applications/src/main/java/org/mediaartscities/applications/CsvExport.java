package org.mediaartscities.applications;

import java.util.ArrayList;
import java.util.List;
import org.mediaartscities.shared.content.ApplicationForm;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.i18n.Messages;

/**
 * A call's applications as CSV for spreadsheets: UTF-8 with a byte-order mark (so that Excel reads accents), CRLF
 * lines, one row per submitted application with its team, answers, each criterion's mean, the score, the number of
 * reviews and the recusals with their reasons. Columns follow the call's form; an application that answered an
 * earlier version fills the columns it has. Rows are added one at a time, as the applications are read page by page.
 *
 * <p>One language throughout: column names, questions, criteria, statuses and answers (a choice's label, a
 * country's name), chosen as the rest of the API chooses, among the languages the CSV's own texts exist in.
 *
 * <p>Safe to open: every cell is quoted, and a formula character ({@code = + - @}, TAB, CR) that starts a value, or
 * follows a {@code ,} or {@code ;} inside it (spaces between allowed), gets an apostrophe before it (the documented
 * neutralising mark; an apostrophe typed there gets one too). A spreadsheet that splits on {@code ;} (French, German
 * Excel) then finds no cell that starts a formula either.
 */
public final class CsvExport {

  /** The languages the CSV's column names and statuses are written in (emails_{lang}.properties, csv.* keys). */
  public static final List<String> LANGUAGES = List.of("en", "fr");
  /** What is put before a formula character; removing it gives back what was typed. */
  public static final char NEUTRALISING_MARK = '\'';
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final Messages TEXTS = new Messages("org.mediaartscities.applications.emails", CsvExport.class);

  private final ApplicationForm form;
  private final String lang;
  private final StringBuilder csv = new StringBuilder("\uFEFF");
  private int rows;

  /** @param lang one of {@link #LANGUAGES}: see {@link #language} */
  public CsvExport(ContentItem call, String lang) {
    this.form = call.call().form();
    this.lang = lang;
    var header = new ArrayList<String>();
    for (String column : List.of("reference", "status", "submittedAt", "name", "email", "language", "team")) {
      header.add(TEXTS.text("csv." + column, lang));
    }
    form.fields().forEach(f -> header.add(String.valueOf(Texts.pick(f.label(), lang))));
    form.criteria().forEach(c -> header.add(String.valueOf(Texts.pick(c.name(), lang))));
    for (String column : List.of("score", "reviews", "recusals")) {
      header.add(TEXTS.text("csv." + column, lang));
    }
    row(header);
  }

  /**
   * The CSV's language for a reader who prefers {@code preference}: the first of {@link #LANGUAGES} the form's
   * questions and criteria are all written in, by the reader's order, else the call's original language's order.
   */
  public static String language(ContentItem call, LanguagePreference preference) {
    ApplicationForm form = call.call().form();
    List<String> complete = LANGUAGES.stream().filter(l -> form.fields().stream().allMatch(f -> f.label().containsKey(l))
        && form.criteria().stream().allMatch(c -> c.name().containsKey(l))).toList();
    List<String> candidates = complete.isEmpty() ? LANGUAGES : complete;
    String fallback = candidates.contains(call.originalLanguage()) ? call.originalLanguage() : candidates.getFirst();
    return preference.choose(java.util.Set.copyOf(candidates), fallback);
  }

  /** Every submitted application of the call, read page by page from the store. */
  public static String of(ContentItem call, String lang, ReviewStore reviews) {
    var export = new CsvExport(call, lang);
    reviews.eachSubmitted(call.id(), export::add);
    return export.text();
  }

  /** One more application's row. */
  public void add(ReviewStore.Reviewed reviewed) {
    Application a = reviewed.application();
    if (a.submittedAt() == null) {
      return;
    }
    var cells = new ArrayList<>(List.of(nullToEmpty(a.reference()), TEXTS.text("csv.status." + a.status().id(), lang),
        a.submittedAt().toString(), a.name(), a.email(), nullToEmpty(a.language()), String.join("; ",
            a.team().stream().map(TeamRules::describe).toList())));
    for (ApplicationForm.Field field : form.fields()) {
      cells.add(AnswerText.of(field, a.answers().get(field.id()), lang));
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

  /**
   * A value as one quoted cell, its formula characters neutralised: where a value starts (at the start, or after a
   * {@code ,} or {@code ;} and any spaces), a formula character or an apostrophe gets the mark before it. Removing
   * one mark at each such place gives back exactly what was typed.
   */
  public static String cell(String value) {
    String text = value == null ? "" : value;
    var out = new StringBuilder(text.length() + 4).append('"');
    boolean valueStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (valueStart && (FORMULA_STARTS.indexOf(c) >= 0 || c == NEUTRALISING_MARK)) {
        out.append(NEUTRALISING_MARK);
      }
      out.append(c == '"' ? "\"\"" : String.valueOf(c));
      valueStart = c == ',' || c == ';' || (valueStart && c == ' ');
    }
    return out.append('"').toString();
  }
}
