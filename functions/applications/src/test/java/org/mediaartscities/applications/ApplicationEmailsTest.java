package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the applicant's emails say, and what they never say. */
class ApplicationEmailsTest {

  private static final Application DRAFT = Application.draft("b2c4", "call", "call", null,
      new Application.Applicant("Eve <eve@evil.example>", "aya@example.org", "fr"), "hash",
      Instant.parse("2026-11-01T08:00:00Z"), SubmissionWindowTest.CLOSES, SubmissionWindowTest.CLOSES.plus(
          Duration.ofDays(730)));

  @Test
  void theReceiptDatesTheFirstOfTheMonthTheFrenchWay() {
    String when = ApplicationEmails.when(Instant.parse("2026-12-01T17:00:00Z"), "Europe/Paris", "fr");

    assertThat(when).startsWith("1er décembre 2026");
    var receipt = ApplicationEmails.receipt(DRAFT.submitted(Instant.parse("2026-12-01T17:00:00Z"), "LYO-2026-0001"),
        "Résidence", when, List.of(new ApplicationEmails.Line("Pays de résidence", "Japon")));
    assertThat(receipt.text()).contains("le 1er décembre 2026").contains("Pays de résidence: Japon");
  }

  @Test
  void theCodeAndOwnerEmailsCarryNoNameTheVisitorTyped() {
    var code = ApplicationEmails.verification(DRAFT, "Résidence", "7KQ2-M9XD", "https://example.org/v#code=7KQ2-M9XD");
    var owner = ApplicationEmails.ownerLink(DRAFT, "Résidence", "https://example.org/a#token=t");

    for (var email : List.of(code, owner)) {
      assertThat(email.subject() + email.text() + email.html()).doesNotContain("Eve").doesNotContain("evil");
      assertThat(email.to()).isEqualTo("aya@example.org");
    }
    assertThat(code.text()).contains("7KQ2-M9XD");
    assertThat(owner.text()).contains("#token=t");
  }
}
