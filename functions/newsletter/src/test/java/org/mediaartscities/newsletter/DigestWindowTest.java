package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mediaartscities.newsletter.NewsletterTestBed.item;
import static org.mediaartscities.newsletter.NewsletterTestBed.parts;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.content.Kind;

/**
 * Which stretch of time each digest run covers, whatever the order runs come in: every item is mailed to a reader
 * once and none is left out, told from the emails in the outbox. Every planner runs on a clock of the test's; the
 * time zone is Paris, where these instants (07:00 UTC) are Mondays at 08:00.
 */
class DigestWindowTest {

  private static final String WEEKLY = "weekly.window@example.org";
  private static final String MONTHLY = "monthly.window@example.org";
  private static final Instant NOV_30 = Instant.parse("2026-11-30T07:00:00Z");
  private static final Instant DEC_7 = Instant.parse("2026-12-07T07:00:00Z");
  private static final Instant DEC_14 = Instant.parse("2026-12-14T07:00:00Z");
  private static final Instant DEC_21 = Instant.parse("2026-12-21T07:00:00Z");
  private static final Instant JAN_4 = Instant.parse("2027-01-04T07:00:00Z");

  private NewsletterTestBed bed;

  @BeforeEach
  void deployWithAWeeklyAndAMonthlyReader() {
    bed = NewsletterTestBed.fresh(DigestWindowTest.class);
    bed.subscribeAndConfirm(WEEKLY, "\"languages\": [\"en\"]");
    bed.subscribeAndConfirm(MONTHLY, "\"languages\": [\"en\"], \"frequency\": \"monthly\"");
  }

  @Test
  void anItemPublishedAfterARunAsOfALaterDayIsMailedByTheNextRunExactlyOnce() {
    publish("Item A", NOV_30.minus(Duration.ofDays(2)));
    var ahead = bed.plan(NOV_30, DEC_14);
    assertThat(ahead.get("weekly").toString()).as("it covers up to the planner's own clock")
        .contains("run=weekly-2026-12-14", "until=" + NOV_30, "queued=1");

    publish("Item B", NOV_30.plus(Duration.ofHours(1)));
    bed.plan(DEC_7, Map.of("trigger", "schedule"));
    var dec14 = bed.plan(DEC_14, Map.of("trigger", "schedule"));
    bed.plan(DEC_21, Map.of("trigger", "schedule"));

    assertThat(dec14.get("weekly").toString()).as("the run of that day was planned already")
        .containsIgnoringCase("status=planned").contains("queued=0");
    assertThat(titlesMailedTo(WEEKLY)).containsExactlyInAnyOrder("Item A", "Item B");
  }

  @Test
  void runsLateRetriedOrAsOfAnEarlierTimeMailEachItemOnceAndLeaveNoneOut() {
    publish("Item A", Instant.parse("2026-11-27T10:00:00Z"));
    publish("Item B", Instant.parse("2026-11-30T12:00:00Z"));
    Instant dec2 = Instant.parse("2026-12-02T10:00:00Z");

    // Monday's run, replayed two days late: it covers up to Monday, not to the day it runs.
    bed.plan(dec2, NOV_30);
    // As of an earlier time: refused.
    assertThatThrownBy(() -> bed.plan(dec2.plusSeconds(300), NOV_30.minus(Duration.ofDays(1))))
        .isInstanceOf(IllegalArgumentException.class);
    // Monday's run fired again later that day: the same run, its window kept.
    bed.plan(dec2.plusSeconds(600), NOV_30.plus(Duration.ofHours(2)));
    publish("Item C", Instant.parse("2026-12-03T10:00:00Z"));
    // By hand, as of a day ahead.
    bed.plan(Instant.parse("2026-12-04T10:00:00Z"), DEC_14);
    // The schedule on the month's first Monday: nothing new for the week, the monthly digest.
    var dec7 = bed.plan(DEC_7, Map.of("trigger", "schedule"));
    publish("Item D", Instant.parse("2026-12-08T10:00:00Z"));
    // The schedule two hours late, on the day run ahead by hand; then the weeks after.
    bed.plan(DEC_14.plus(Duration.ofHours(2)), Map.of("trigger", "schedule"));
    bed.plan(DEC_21, Map.of("trigger", "schedule"));
    bed.plan(JAN_4, Map.of("trigger", "schedule"));
    bed.plan(JAN_4.plus(Duration.ofMinutes(5)), Map.of("trigger", "schedule"));

    assertThat(dec7.get("weekly").toString()).containsIgnoringCase("status=empty");
    assertThat(titlesMailedTo(WEEKLY)).containsExactlyInAnyOrder("Item A", "Item B", "Item C", "Item D");
    assertThat(bed.digests(WEEKLY)).as("Nov 30, Dec 14 (by hand on Dec 4), Dec 21").hasSize(3);
    assertThat(titlesMailedTo(MONTHLY)).containsExactlyInAnyOrder("Item A", "Item B", "Item C", "Item D");
    assertThat(bed.digests(MONTHLY)).as("December's and January's").hasSize(2);
  }

  @Test
  void aRunThatWouldCoverNoTimeIsRefusedAndStoresNothing() {
    publish("Item A", NOV_30.minus(Duration.ofDays(2)));
    bed.plan(NOV_30, NOV_30);
    DigestRuns runs = bed.plannerConfig().runs();
    var weeklyHead = runs.head(Preferences.Frequency.WEEKLY).orElseThrow();
    int mailed = bed.sent().size();

    // As of the 2nd, a month's first week: the monthly digest, which has never run, is refused along with the weekly.
    Instant nov2 = Instant.parse("2026-11-02T07:00:00Z");
    assertThatThrownBy(() -> bed.plan(NOV_30.plusSeconds(60), nov2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The weekly digest already covers items up to 2026-11-30T08:00+01:00; a run as of "
            + "2026-11-02T08:00+01:00 would send nothing new.");
    // As of a day ahead, by a planner whose clock has not moved since: a window of no time at all.
    Instant dec3 = Instant.parse("2026-12-03T07:00:00Z");
    assertThatThrownBy(() -> bed.plan(NOV_30, dec3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The weekly digest already covers items up to 2026-11-30T08:00+01:00; a run as of "
            + "2026-12-03T08:00+01:00 would send nothing new.");

    assertThat(runs.get("weekly-2026-11-02")).isEmpty();
    assertThat(runs.get("monthly-2026-11-02")).isEmpty();
    assertThat(runs.get("weekly-2026-12-03")).isEmpty();
    assertThat(runs.head(Preferences.Frequency.MONTHLY)).isEmpty();
    assertThat(runs.head(Preferences.Frequency.WEEKLY)).contains(weeklyHead);
    assertThat(bed.sent()).hasSize(mailed);
  }

  @Test
  void aRunWhosePlannerDiedPartWayIsCompletedByTheNextRun() {
    publish("Item A", NOV_30.minus(Duration.ofDays(2)));
    DigestRuns runs = bed.plannerConfig().runs();
    // What a planner leaves when it dies after recording its run and before queueing anyone.
    var died = DigestRun.planning("weekly-2026-11-30", Preferences.Frequency.WEEKLY, NOV_30.minus(Duration.ofDays(7)),
        NOV_30, 1, List.of("en", "fr"));
    assertThat(runs.create(died, runs.head(Preferences.Frequency.WEEKLY))).isTrue();
    publish("Item B", NOV_30.plus(Duration.ofDays(1)));

    var dec7 = bed.plan(DEC_7, Map.of("trigger", "schedule"));

    assertThat(dec7.get("weekly").toString()).contains("run=weekly-2026-12-07", "since=" + NOV_30);
    assertThat(runs.get("weekly-2026-11-30").orElseThrow().status()).isEqualTo(DigestRun.Status.PLANNED);
    assertThat(titlesMailedTo(WEEKLY)).containsExactlyInAnyOrder("Item A", "Item B");
    assertThat(bed.digests(WEEKLY)).hasSize(2);
  }

  @Test
  void eightPlannersAtOnceMailEachItemOnce() throws Exception {
    publish("Item A", NOV_30.minus(Duration.ofDays(2)));
    var planners = new ArrayList<Callable<String>>();
    for (int i = 0; i < 8; i++) {
      // Each as of a day of its own, so that none is a second firing of another's run.
      Instant at = DEC_14.plus(Duration.ofDays(i));
      var planner = new DigestPlanner(bed.plannerConfig().withClock(() -> NOV_30));
      planners.add(() -> {
        try {
          return planner.handleRequest(Map.of("trigger", "test", "at", at.toString()), new LocalContext(
              "DigestPlannerFunction", UUID.randomUUID().toString(), 900, 1024)).get("weekly").toString();
        } catch (IllegalArgumentException refused) {
          return "refused";
        }
      });
    }
    var outcomes = new ArrayList<String>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (var outcome : pool.invokeAll(planners)) {
        outcomes.add(outcome.get());
      }
    }
    bed.deployment.sqsEvents().drain();

    assertThat(outcomes).as("one planned it; the others lost the race or found it covered")
        .filteredOn(outcome -> outcome.contains("status=PLANNED")).hasSize(1);
    assertThat(titlesMailedTo(WEEKLY)).containsExactly("Item A");
  }

  @Test
  void aRunIsNotRecordedWhenAnotherJoinedTheChainSinceItWasRead() {
    DigestRuns runs = bed.plannerConfig().runs();
    var read = runs.head(Preferences.Frequency.WEEKLY);
    var first = DigestRun.planning("weekly-2026-11-30", Preferences.Frequency.WEEKLY, NOV_30.minus(Duration.ofDays(7)),
        NOV_30, 0, List.of());
    var second = DigestRun.planning("weekly-2026-12-01", Preferences.Frequency.WEEKLY, NOV_30.minus(Duration.ofDays(7)),
        NOV_30.plus(Duration.ofDays(1)), 0, List.of());

    assertThat(runs.create(first, read)).isTrue();
    assertThat(runs.create(second, read)).isFalse();

    assertThat(runs.get("weekly-2026-12-01")).isEmpty();
    assertThat(runs.head(Preferences.Frequency.WEEKLY).orElseThrow().run()).isEqualTo(first);
  }

  private void publish(String title, Instant publishedAt) {
    String slug = title.toLowerCase(Locale.ROOT).replace(' ', '-');
    bed.content.putItem(item(Kind.NEWS, slug, "lyon", publishedAt, "en", title));
  }

  /** Every item title in the digests mailed to an address (the lines of their text parts), oldest digest first. */
  private List<String> titlesMailedTo(String address) {
    var digests = bed.digests(address);
    assertThat(digests).as("digests to " + address).isNotEmpty();
    return digests.stream().flatMap(m -> Arrays.stream(parts(m)[0].split("\r?\n")))
        .filter(line -> line.matches("Item [A-Z]")).toList();
  }
}
