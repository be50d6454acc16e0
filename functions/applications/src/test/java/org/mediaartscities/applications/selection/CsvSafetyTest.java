package org.mediaartscities.applications.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationsTestBed;
import org.mediaartscities.applications.CsvExport;
import org.mediaartscities.applications.JuryFixtures;
import org.mediaartscities.local.lambda.ApiEvents;
import org.mediaartscities.shared.content.ContentItem;

/**
 * The CSV export as spreadsheets read it, parsed with Apache Commons CSV: in the comma dialect the file is written
 * in, and in the semicolon dialect French or German Excel applies. No cell may start a formula, and every value comes
 * back whole once the documented neutralising mark is removed.
 */
class CsvSafetyTest {

  private static final List<String> HOSTILE = List.of("Ana;=1+1", "=1+1", "x;=1+1;y", "a,=SUM(A1:A9)", "@cmd",
      "-2+3", "+1", "\t=x", "quote \" inside", "two\nlines", "a; -b", "'=already marked", "O'Brien", "plain");
  /** Where a value starts (the start, or after , or ; and spaces), one mark before a formula character or a mark. */
  private static final Pattern MARK = Pattern.compile("(^ *|[,;] *)'(?=[=+\\-@\\t\\r'])");
  private static ApplicationsTestBed bed;
  private static ContentItem call;

  @BeforeAll
  static void aCallWithHostileApplications() {
    bed = new ApplicationsTestBed(CsvSafetyTest.class);
    var fixtures = new JuryFixtures(bed);
    call = fixtures.call("csv-safety", "lyon", JuryFixtures.FORM);
    for (int i = 0; i < HOSTILE.size(); i++) {
      fixtures.submittedAs(call, HOSTILE.get(i), "hostile-" + i + "@example.org",
          Map.of("statement", HOSTILE.get(i)));
    }
  }

  @Test
  void commaDialectGivesBackEveryValueWholeAndNoFormula() throws Exception {
    List<CSVRecord> records = parse(CSVFormat.DEFAULT);
    List<String> names = new ArrayList<>();
    for (CSVRecord record : records.subList(1, records.size())) {
      record.forEach(cell -> assertThat(startsAFormula(cell)).as(cell).isFalse());
      names.add(unmark(record.get(3)));
      assertThat(unmark(record.get(7))).as("the statement answered by " + record.get(3)).isEqualTo(names.getLast());
    }
    assertThat(names).containsExactlyInAnyOrderElementsOf(HOSTILE);
  }

  @Test
  void semicolonDialectFindsNoCellThatStartsAFormula() throws Exception {
    // Split on ; and nothing else, as the least forgiving spreadsheet would: quotes are not honoured either.
    List<CSVRecord> records = parse(CSVFormat.DEFAULT.builder().setDelimiter(';').setQuote(null).get());
    assertThat(records).hasSizeGreaterThan(HOSTILE.size());
    for (CSVRecord record : records) {
      record.forEach(cell -> assertThat(startsAFormula(cell.replaceFirst("^ *\"?", ""))).as(cell).isFalse());
    }
  }

  private static List<CSVRecord> parse(CSVFormat format) throws Exception {
    var response = bed.admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/"
        + call.id() + "/export.csv", null, "lang", "en");
    assertThat(response.getStatusCode()).isEqualTo(200);
    String csv = response.getBody().substring(1); // the byte-order mark
    try (var parser = format.builder().setIgnoreSurroundingSpaces(false).get().parse(new StringReader(csv))) {
      return parser.getRecords();
    }
  }

  private static boolean startsAFormula(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
  }

  private static String unmark(String cell) {
    return MARK.matcher(cell).replaceAll("$1");
  }

  @Test
  void aCsvTooLargeForADirectDownloadPointsToTheZip() {
    var fixtures = new JuryFixtures(bed);
    ContentItem big = fixtures.call("csv-too-large", "lyon", JuryFixtures.FORM);
    String longAnswer = "mot ".repeat(8_000); // 32,000 characters
    for (int i = 0; i < 170; i++) {
      fixtures.submittedAs(big, "Artist " + i, "big-" + i + "@example.org", Map.of("statement", longAnswer));
    }

    var response = bed.admin(ApiEvents.editor("lyon"), "GET /admin/calls/{id}/export.csv", "/admin/calls/"
        + big.id() + "/export.csv", null);

    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(response.getBody()).contains("export_too_large").contains("/exports");
  }

  @Test
  void theMarkIsTheDocumentedOne() {
    assertThat(CsvExport.NEUTRALISING_MARK).isEqualTo('\'');
  }
}
