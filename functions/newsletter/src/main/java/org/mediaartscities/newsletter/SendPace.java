package org.mediaartscities.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One sender instance's share of SES's sending rate, kept as a pause between two sends. At most {@code concurrency}
 * senders run at once, so each may send rate/concurrency emails per second.
 */
final class SendPace {

  /** How a pause is waited: {@link Thread#sleep(Duration)} on Lambda, a clock moved forward in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final Duration between;
  private final InstantSource clock;
  private final Sleeper sleeper;
  private Instant lastSend;

  SendPace(Duration between, InstantSource clock, Sleeper sleeper) {
    this.between = between;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** @param ratePerSecond SES's rate for every sender together; 0 or less: no pause */
  static SendPace of(double ratePerSecond, int concurrency, InstantSource clock) {
    return new SendPace(between(ratePerSecond, concurrency), clock, Thread::sleep);
  }

  static Duration between(double ratePerSecond, int concurrency) {
    return Duration.ofMillis(ratePerSecond <= 0 ? 0
        : (long) Math.ceil(1000.0 * Math.max(1, concurrency) / ratePerSecond));
  }

  /** Returns once the next send keeps the pace, and counts it as sent now. */
  synchronized void awaitTurn() {
    if (lastSend != null) {
      Duration wait = Duration.between(clock.instant(), lastSend.plus(between));
      if (wait.isPositive()) {
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    lastSend = clock.instant();
  }
}
