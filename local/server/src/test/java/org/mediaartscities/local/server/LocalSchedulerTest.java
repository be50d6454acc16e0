package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.TemplateLoader;

/** The dev server fires template.yaml's schedules when AWS would. */
class LocalSchedulerTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void theDigestScheduleFiresOnMondayAtEightInItsTimeZone() {
    var schedule = TemplateLoader.load(RepoPaths.template()).schedules().stream()
        .filter(s -> s.functionId().equals("DigestPlannerFunction")).findFirst().orElseThrow();
    assertThat(schedule.input()).contains("schedule");

    var next = LocalScheduler.next("cron(0 8 ? * MON *)", ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, PARIS));

    assertThat(next).contains(ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, PARIS));
  }

  @Test
  void ratesAndBadExpressionsAreReadAsAwsDoes() {
    var now = ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, PARIS);

    assertThat(LocalScheduler.next("rate(2 hours)", now)).contains(now.plusHours(2));
    assertThat(LocalScheduler.next("cron(0 8 ? * MON#1 *)", now)).contains(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0,
        PARIS));
    assertThat(LocalScheduler.next("every monday", now)).isEmpty();
  }
}
