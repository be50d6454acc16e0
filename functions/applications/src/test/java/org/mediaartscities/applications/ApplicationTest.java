package org.mediaartscities.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mediaartscities.applications.SubmissionWindowTest.refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Which status may become which, and the 409 that names each refusal. */
class ApplicationTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final Instant LATER = T0.plus(Duration.ofHours(1));

  private static Application draft() {
    return SubmissionWindowTest.draft(null);
  }

  private static Application submitted() {
    return draft().submitted(T0, "LYO-2026-0001");
  }

  private static Application withdrawnDraft() {
    return draft().withdrawn(T0);
  }

  private static Application decided(Application.Status decision) {
    return submitted().decided(decision, T0);
  }

  @Test
  void aDraftIsSavedSubmittedExtendedWithdrawnAndDeleted() {
    Application saved = draft().saved(Map.of("name", "Lumen"), List.of(new TeamMember("Ana", null, null)), LATER);
    assertThat(saved.answers()).containsEntry("name", "Lumen");
    assertThat(saved.team()).hasSize(1);
    assertThat(saved.updatedAt()).isEqualTo(LATER);
    assertThat(draft().submitted(LATER, "LYO-2026-0001").status()).isEqualTo(Application.Status.SUBMITTED);
    assertThat(draft().submitted(LATER, "LYO-2026-0001").submittedAt()).isEqualTo(LATER);
    assertThat(draft().extendedUntil(LATER, T0).extendedUntil()).isEqualTo(LATER);
    assertThat(draft().withdrawn(LATER).withdrawnAt()).isEqualTo(LATER);
    assertThatCode(() -> draft().requireDeletable()).doesNotThrowAnyException();
  }

  @Test
  void aSubmittedApplicationIsReviewedDecidedAndWithdrawnButNotDeleted() {
    assertThat(submitted().isSubmitted()).isTrue();
    assertThatCode(() -> submitted().requireSubmitted("are reviewed")).doesNotThrowAnyException();
    assertThat(submitted().decided(Application.Status.ACCEPTED, LATER).status()).isEqualTo(Application.Status.ACCEPTED);
    assertThat(submitted().withdrawn(LATER).status()).isEqualTo(Application.Status.WITHDRAWN);
    assertThat(refusal(() -> submitted().requireDeletable()).code()).isEqualTo("withdraw_first");
  }

  @Test
  void aDecisionMayChangeUntilItIsMailed() {
    assertThat(decided(Application.Status.SHORTLISTED).decided(Application.Status.REJECTED, LATER).status())
        .isEqualTo(Application.Status.REJECTED);
  }

  @Test
  void aWithdrawnApplicationStaysWithdrawnAndMayBeDeleted() {
    Application withdrawn = submitted().withdrawn(T0);

    assertThat(withdrawn.withdrawn(LATER)).isSameAs(withdrawn);
    assertThat(withdrawn.isSubmitted()).isFalse();
    assertThatCode(withdrawn::requireDeletable).doesNotThrowAnyException();
  }

  static Stream<Arguments> forbiddenTransitions() {
    Function<Application, Object> save = a -> a.saved(Map.of(), List.of(), LATER);
    Function<Application, Object> submit = a -> a.submitted(LATER, "LYO-2026-0002");
    Function<Application, Object> extend = a -> a.extendedUntil(LATER, LATER);
    Function<Application, Object> decide = a -> a.decided(Application.Status.ACCEPTED, LATER);
    Function<Application, Object> withdraw = a -> a.withdrawn(LATER);
    Function<Application, Object> review = a -> {
      a.requireSubmitted("are reviewed");
      return a;
    };
    Function<Application, Object> delete = a -> {
      a.requireDeletable();
      return a;
    };
    var rows = Stream.<Arguments>builder();
    for (Application.Status decision : List.of(Application.Status.SHORTLISTED, Application.Status.ACCEPTED,
        Application.Status.REJECTED)) {
      rows.add(Arguments.of("save a " + decision, decided(decision), save, "read_only"));
      rows.add(Arguments.of("submit a " + decision, decided(decision), submit, "read_only"));
      rows.add(Arguments.of("extend a " + decision, decided(decision), extend, "not_draft"));
      rows.add(Arguments.of("withdraw a " + decision, decided(decision), withdraw, "read_only"));
      rows.add(Arguments.of("delete a " + decision, decided(decision), delete, "withdraw_first"));
    }
    return rows
        .add(Arguments.of("save a submitted one", submitted(), save, "read_only"))
        .add(Arguments.of("submit a submitted one", submitted(), submit, "read_only"))
        .add(Arguments.of("extend a submitted one", submitted(), extend, "not_draft"))
        .add(Arguments.of("save a withdrawn one", withdrawnDraft(), save, "read_only"))
        .add(Arguments.of("submit a withdrawn one", withdrawnDraft(), submit, "read_only"))
        .add(Arguments.of("extend a withdrawn one", withdrawnDraft(), extend, "not_draft"))
        .add(Arguments.of("decide a withdrawn one", submitted().withdrawn(T0), decide, "not_submitted"))
        .add(Arguments.of("review a withdrawn one", submitted().withdrawn(T0), review, "not_submitted"))
        .add(Arguments.of("decide a draft", draft(), decide, "not_submitted"))
        .add(Arguments.of("review a draft", draft(), review, "not_submitted"))
        .build();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenTransitions")
  void aForbiddenTransitionIsAConflictNamingWhy(String name, Application application,
      Function<Application, Object> change, String code) {
    var refused = refusal(() -> change.apply(application));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo(code);
  }

  @Test
  void aDraftHasNoReceiptNumberUntilItIsSubmitted() {
    assertThat(draft().reference()).isNull();
    assertThat(submitted().reference()).isEqualTo("LYO-2026-0001");
  }

  @ParameterizedTest
  @EnumSource(value = Application.Status.class, names = {"SHORTLISTED", "ACCEPTED", "REJECTED"})
  void theApplicantSeesADecisionOnlyOnceItsEmailWasSent(Application.Status decision) {
    Application decided = decided(decision);
    assertThat(decided.applicantStatus()).isEqualTo(Application.Status.SUBMITTED);

    Application sent = decided.decisionSent(decision, LATER);
    assertThat(sent.applicantStatus()).isEqualTo(decision);
    assertThat(sent.decisionSentAt()).isEqualTo(LATER);
    // Changed after the email: the applicant still sees the decision that was mailed.
    Application changed = sent.decided(decision == Application.Status.ACCEPTED ? Application.Status.REJECTED
        : Application.Status.ACCEPTED, LATER);
    assertThat(changed.applicantStatus()).isEqualTo(decision);
  }

  @Test
  void tokensMailedToTheOwnerAddToTheCreationTokenWhichNeverStopsWorking() {
    Application draft = SubmissionWindowTest.draft(null);
    Application withLinks = draft;
    for (int i = 0; i < Application.MAX_LINK_TOKENS + 3; i++) {
      withLinks = withLinks.withLinkToken(org.mediaartscities.shared.auth.SecretTokens.hash("link-" + i), LATER);
    }

    assertThat(withLinks.tokenHash()).isEqualTo(draft.tokenHash());
    assertThat(withLinks.linkTokenHashes()).hasSize(Application.MAX_LINK_TOKENS);
    assertThat(withLinks.matchesToken("link-" + (Application.MAX_LINK_TOKENS + 2))).isTrue();
    assertThat(withLinks.matchesToken("link-0")).isFalse();
    assertThat(withLinks.matchesToken(null)).isFalse();
  }

  @Test
  void aDraftOpensUntilThirtyDaysAfterItsCallClosesOrItsExtensionEndsASubmittedOneUntilItIsErased() {
    Instant closes = SubmissionWindowTest.CLOSES;
    Application draft = SubmissionWindowTest.draft(null);
    assertThat(draft.openableAt(closes.plus(Application.DRAFT_ACCESS).minusSeconds(1))).isTrue();
    assertThat(draft.openableAt(closes.plus(Application.DRAFT_ACCESS))).isFalse();

    Application extended = draft.extendedUntil(closes.plus(Duration.ofDays(10)), T0);
    assertThat(extended.openableAt(closes.plus(Duration.ofDays(39)))).isTrue();
    assertThat(extended.openableAt(closes.plus(Duration.ofDays(40)))).isFalse();

    Application submitted = draft.submitted(closes.minusSeconds(60), "LYO-2026-0001");
    assertThat(submitted.openableAt(closes.plus(Duration.ofDays(729)))).isTrue();
    assertThat(submitted.openableAt(closes.plus(Duration.ofDays(730)))).isFalse();
  }

  @Test
  void anApplicationWithoutAFormCopyAnswersTheCallsForm() {
    var current = org.mediaartscities.shared.json.Json.read("{\"fields\": []}",
        org.mediaartscities.shared.content.ApplicationForm.class);
    assertThat(draft().formOr(current)).isSameAs(current);
  }

  @ParameterizedTest
  @EnumSource(value = Application.Status.class, names = {"DRAFT", "SUBMITTED", "WITHDRAWN"})
  void onlyTheJuryDecisionsAreDecisions(Application.Status notADecision) {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> submitted().decided(notADecision, LATER)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
