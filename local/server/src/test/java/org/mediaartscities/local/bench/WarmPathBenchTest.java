package org.mediaartscities.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The warm-path benchmark's arithmetic and options; its figures come from {@code ./dev warm-bench}, never a test. */
class WarmPathBenchTest {

  private static final long[] ONE_TO_THOUSAND = LongStream.rangeClosed(1, 1000).toArray();

  @ParameterizedTest
  @CsvSource({"50, 500", "90, 900", "99, 990", "100, 1000", "0.05, 1", "50.05, 501"})
  void percentileIsTheNearestRankOfSortedValues(double p, long expected) {
    assertThat(WarmPathBench.percentile(ONE_TO_THOUSAND, p)).isEqualTo(expected);
  }

  @Test
  void percentileOfOneValueIsThatValue() {
    assertThat(WarmPathBench.percentile(new long[] {7}, 50)).isEqualTo(7);
    assertThat(WarmPathBench.percentile(new long[] {7}, 90)).isEqualTo(7);
  }

  @Test
  void percentileOfNoValuesIsRefused() {
    assertThatThrownBy(() -> WarmPathBench.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsDefaultToAThousandRequestsAfterTwoThousandWarmUp() {
    assertThat(WarmPathBench.Options.parse()).isEqualTo(new WarmPathBench.Options(1000, 2000, null, false));
  }

  @Test
  void optionsReadRequestsWarmUpAndOneFunction() {
    assertThat(WarmPathBench.Options.parse("--requests", "50", "--warmup", "0", "--function", "ContentFunction"))
        .isEqualTo(new WarmPathBench.Options(50, 0, "ContentFunction", false));
  }

  @Test
  void optionsCanAskForEveryFunctionInOneJvm() {
    assertThat(WarmPathBench.Options.parse("--same-jvm")).isEqualTo(new WarmPathBench.Options(1000, 2000, null, true));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--requests 0 | must be at least 1",
      "--requests many | takes a whole number",
      "--warmup | needs a value",
      "--rounds 3 | Unknown option --rounds"})
  void optionsRefuseWhatTheyCannotUse(String args, String message) {
    assertThatThrownBy(() -> WarmPathBench.Options.parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
