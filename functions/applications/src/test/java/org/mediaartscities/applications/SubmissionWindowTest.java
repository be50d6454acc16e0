package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.shared.content.CallDetails;
import org.mediaartscities.shared.content.CallStatus;
import org.mediaartscities.shared.http.ApiException;

/** The submission window at its edges: opening (included), deadline (excluded), and one applicant's extension. */
class SubmissionWindowTest {

  private static final Instant OPENS = Instant.parse("2026-03-01T08:00:00Z");
  static final Instant CLOSES = Instant.parse("2026-04-01T16:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);
  private static final SubmissionWindow WINDOW = SubmissionWindow.of(new CallDetails(OPENS, CLOSES, "Europe/Paris",
      null));

  @ParameterizedTest(name = "{0} ms from the opening: {1}")
  @CsvSource({"-1, UPCOMING", "0, OPEN", "1, OPEN"})
  void theCallOpensExactlyAtItsOpening(long offset, CallStatus status) {
    assertThat(WINDOW.statusAt(OPENS.plusMillis(offset))).isEqualTo(status);
  }

  @ParameterizedTest(name = "{0} ms from the deadline: {1}")
  @CsvSource({"-1, OPEN", "0, CLOSED", "1, CLOSED"})
  void theCallClosesExactlyAtItsDeadline(long offset, CallStatus status) {
    assertThat(WINDOW.statusAt(CLOSES.plusMillis(offset))).isEqualTo(status);
  }

  @Test
  void aDraftIsSubmittedUntilOneMillisecondBeforeTheDeadline() {
    assertThatCode(() -> WINDOW.requireOpenForSubmission(CLOSES.minus(MS), draft(null))).doesNotThrowAnyException();
    assertThat(refusal(() -> WINDOW.requireOpenForSubmission(CLOSES, draft(null))).code()).isEqualTo("call_closed");
  }

  @Test
  void aDraftIsNotSubmittedBeforeTheCallOpens() {
    ApiException refused = refusal(() -> WINDOW.requireOpenForSubmission(OPENS.minus(MS), draft(null)));

    assertThat(refused.code()).isEqualTo("call_not_open");
    assertThat(refused.getMessage()).contains("2026-03-01T09:00:00+01:00");
    assertThatCode(() -> WINDOW.requireOpenForSubmission(OPENS, draft(null))).doesNotThrowAnyException();
  }

  @Test
  void anExtensionKeepsTheWindowOpenForItsApplicantUntilOneMillisecondBeforeItEnds() {
    Instant until = CLOSES.plus(Duration.ofHours(2));
    Application extended = draft(until);

    assertThat(WINDOW.statusAt(until.minus(MS), extended)).isEqualTo(CallStatus.OPEN);
    assertThat(WINDOW.statusAt(until, extended)).isEqualTo(CallStatus.CLOSED);
    assertThat(WINDOW.statusAt(CLOSES, draft(null))).isEqualTo(CallStatus.CLOSED);
    assertThatCode(() -> WINDOW.requireOpenForSubmission(until.minus(MS), extended)).doesNotThrowAnyException();
    assertThat(refusal(() -> WINDOW.requireOpenForSubmission(until, extended)).code()).isEqualTo("call_closed");
  }

  @Test
  void anExtensionDoesNotOpenACallBeforeItsOpening() {
    assertThat(WINDOW.statusAt(OPENS.minus(MS), draft(CLOSES.plus(Duration.ofDays(1)))))
        .isEqualTo(CallStatus.UPCOMING);
  }

  @Test
  void aNewDraftIsTakenBeforeTheOpeningButNotFromTheDeadline() {
    assertThatCode(() -> WINDOW.requireOpenForNewApplications(OPENS.minus(Duration.ofDays(3))))
        .doesNotThrowAnyException();
    assertThatCode(() -> WINDOW.requireOpenForNewApplications(CLOSES.minus(MS))).doesNotThrowAnyException();
    assertThat(refusal(() -> WINDOW.requireOpenForNewApplications(CLOSES)).code()).isEqualTo("call_closed");
  }

  @Test
  void anExtensionEndsAfterTheDeadlineAndInTheFuture() {
    Instant now = CLOSES.plus(Duration.ofHours(1));

    assertThatCode(() -> WINDOW.requireExtension(now.plus(MS), now)).doesNotThrowAnyException();
    assertThat(refusal(() -> WINDOW.requireExtension(now, now)).field()).isEqualTo("until");
    assertThat(refusal(() -> WINDOW.requireExtension(CLOSES, CLOSES.minus(Duration.ofDays(1)))).field())
        .isEqualTo("until");
    assertThatCode(() -> WINDOW.requireExtension(CLOSES.plus(MS), CLOSES.minus(Duration.ofDays(1))))
        .doesNotThrowAnyException();
  }

  @Test
  void datesAreShownInTheCallsZoneWithTheirOffset() {
    assertThat(WINDOW.local(CLOSES)).isEqualTo("2026-04-01T18:00:00+02:00");
  }

  static Application draft(Instant extendedUntil) {
    Application draft = Application.draft("a", "call", "call", null,
        new Application.Applicant("Aya", "aya@example.org", "fr"), "hash", OPENS, CLOSES,
        CLOSES.plus(Duration.ofDays(730)));
    return extendedUntil == null ? draft : draft.extendedUntil(extendedUntil, OPENS);
  }

  static ApiException refusal(ThrowingCallable action) {
    ApiException refused = catchThrowableOfType(ApiException.class, action);
    assertThat(refused).as("refused").isNotNull();
    return refused;
  }
}
