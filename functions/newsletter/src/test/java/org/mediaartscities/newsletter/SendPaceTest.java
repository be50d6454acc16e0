package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sender's share of SES's rate, on a clock that only the test moves. */
class SendPaceTest {

  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-30T07:00:00Z"));
  private final ArrayList<Duration> pauses = new ArrayList<>();
  /** Sleeping moves the clock on, as time would. */
  private final SendPace.Sleeper sleeper = duration -> {
    pauses.add(duration);
    now.set(now.get().plus(duration));
  };

  @Test
  void eachOfTwoSendersSendsAtMostHalfTheRate() {
    assertThat(SendPace.between(14, 2)).isEqualTo(Duration.ofMillis(143));
    assertThat(SendPace.between(10, 1)).isEqualTo(Duration.ofMillis(100));
    assertThat(SendPace.between(10, 0)).as("at least one sender").isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void noRateMeansNoPause() {
    assertThat(SendPace.between(0, 2)).isZero();
  }

  @Test
  void theFirstSendGoesAtOnceAndTheNextWaitsItsTurn() {
    var pace = new SendPace(Duration.ofMillis(100), now::get, sleeper);

    pace.awaitTurn();
    pace.awaitTurn();
    now.set(now.get().plusMillis(30));
    pace.awaitTurn();

    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(70));
  }

  @Test
  void aSendLongAfterTheLastOneDoesNotWait() {
    var pace = new SendPace(Duration.ofMillis(100), now::get, sleeper);

    pace.awaitTurn();
    now.set(now.get().plusSeconds(5));
    pace.awaitTurn();

    assertThat(pauses).isEmpty();
  }
}
