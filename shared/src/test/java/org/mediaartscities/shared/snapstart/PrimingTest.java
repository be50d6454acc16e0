package org.mediaartscities.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.env.Env;

class PrimingTest {

  /** A priming whose step the test chooses. */
  private static final class Steps extends Priming {
    private final ThrowingRunnable step;
    private int refreshed;

    Steps(ThrowingRunnable step) {
      super("TestFunction");
      this.step = step;
    }

    @Override
    protected void prime() throws Exception {
      step.run();
    }

    @Override
    protected void refresh() {
      refreshed++;
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Registers a priming that counts its runs, in an instance initialised as {@code type} (null: unset). */
  private static int primedAtRegistration(String type) {
    var runs = new AtomicInteger();
    Map<String, String> variables = type == null ? Map.of() : Map.of(Priming.INITIALIZATION_TYPE, type);
    ScopedValue.where(Env.SCOPED, variables).run(() -> new Steps(runs::incrementAndGet).register());
    return runs.get();
  }

  @ParameterizedTest(name = "{0}: primed {1} time(s), lazy clients built: {2}")
  @CsvSource(nullValues = "unset", value = {
      "on-demand, 1, false",
      "provisioned-concurrency, 1, true",
      "snap-start, 0, false",
      "unset, 0, false",
  })
  void registrationPrimesAtInitOnlyWhereNoSnapshotWillBeTaken(String type, int expectedRuns, boolean clientsBuilt) {
    var built = new AtomicInteger();
    // A client left to its first use, which only a priming that builds every client builds now.
    LazyClients.of(() -> {
      built.incrementAndGet();
      return new Object();
    });

    int runs = primedAtRegistration(type);

    assertThat(runs).isEqualTo(expectedRuns);
    assertThat(built.get() > 0).isEqualTo(clientsBuilt);
  }

  @Test
  void aPrimingThatFailsAtInitNeverFailsTheHandlersConstructionAndIsKept() {
    var priming = new Steps(() -> {
      throw new IllegalStateException("the table is not there");
    });

    assertThatCode(() -> ScopedValue.where(Env.SCOPED, Map.of(Priming.INITIALIZATION_TYPE, "on-demand"))
        .run(priming::register)).doesNotThrowAnyException();

    assertThat(priming.failure()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailingPrimingNeverFailsTheCheckpointAndIsKept() {
    var priming = new Steps(() -> {
      throw new IllegalStateException("the table is not there");
    });

    assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();

    assertThat(priming.failure()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void primingBuildsTheClientsLeftToTheirFirstUse() {
    var built = new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<Object> client = LazyClients.of(() -> {
      built.incrementAndGet();
      return new Object();
    });

    new Steps(() -> {}).beforeCheckpoint(null);

    assertThat(built).hasValue(1);
    client.get();
    assertThat(built).hasValue(1);
  }

  @Test
  void aSampleThatIsNotPackagedIsAPrimingFailureNotACheckpointFailure() {
    var priming = new Steps(() -> {});
    var missing = new Steps(() -> priming.sample("nowhere.json", SQSEvent.class));

    assertThatCode(() -> missing.beforeCheckpoint(null)).doesNotThrowAnyException();

    assertThat(missing.failure()).hasMessageContaining("snapstart/nowhere.json");
  }

  @Test
  void aPackagedSampleIsReadWithJacksonWhereTheRuntimesSerialisersAreAbsent() {
    var event = new AtomicReference<SQSEvent>();
    var priming = new Steps(() -> {});
    var reading = new Steps(() -> event.set(priming.sample("sqs-sample.json", SQSEvent.class)));

    reading.beforeCheckpoint(null);

    assertThat(reading.failure()).isNull();
    assertThat(event.get().getRecords()).singleElement()
        .satisfies(message -> assertThat(message.getBody()).isEqualTo("{\"hello\": \"priming\"}"));
  }

  @Test
  void restoreGivesTheSecretTokensAFreshRandomSourceAndRunsTheFunctionsRefresh()
      throws ReflectiveOperationException {
    var priming = new Steps(() -> {});
    SecureRandom before = tokensRandom();

    priming.afterRestore(null);

    assertThat(tokensRandom()).isNotNull().isNotSameAs(before);
    assertThat(priming.refreshed).isEqualTo(1);
    assertThat(SecretTokens.newToken()).hasSize(43);
  }

  // The source is private to the tokens; only this test needs to see which one they draw from.
  private static SecureRandom tokensRandom() throws ReflectiveOperationException {
    var field = SecretTokens.class.getDeclaredField("random");
    field.setAccessible(true);
    return (SecureRandom) field.get(null);
  }
}
