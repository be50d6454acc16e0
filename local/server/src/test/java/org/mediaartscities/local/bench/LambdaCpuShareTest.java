package org.mediaartscities.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CPU shares of {@code ./dev bench --lambda-memory}: their arithmetic, and the groups a run passes through. */
class LambdaCpuShareTest {

  @ParameterizedTest
  @CsvSource({"128, 0.0724, 1.0", "1024, 0.5789, 1.0", "1769, 1.0, 1.0", "3538, 2.0, 2.0", "10240, 5.7886, 5.7886"})
  void anInvocationGetsItsMemorysShareAndInitAtLeastOneCpu(int memoryMb, double invoke, double init) {
    assertThat(LambdaCpuShare.invokeCpus(memoryMb)).isCloseTo(invoke, within(0.0001));
    assertThat(LambdaCpuShare.initCpus(memoryMb)).isCloseTo(init, within(0.0001));
  }

  @ParameterizedTest
  @CsvSource({"0", "127", "10241"})
  void memoryOutsideLambdasRangeIsRefusedBeforeAnyGroupIsMade(int memoryMb) {
    assertThatThrownBy(() -> LambdaCpuShare.forMemory(memoryMb)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("128 to 10240");
  }

  @Test
  void aRunStartsInTheInitGroupAndMovesToTheInvocationsWhenTold() throws Exception {
    assumeTrue(LambdaCpuShare.available(), "needs root and a writable cgroup file system");
    Process process;
    try (LambdaCpuShare share = LambdaCpuShare.forMemory(1024)) {
      process = new ProcessBuilder(share.startingInInit(List.of("sleep", "30"))).start();
      try {
        awaitGroup(process.pid(), "mac-bench-init");
        share.toInvoke(process.pid());
        awaitGroup(process.pid(), "mac-bench-invoke");
      } finally {
        process.destroy();
        process.waitFor();
      }
    }
    for (String root : List.of("/sys/fs/cgroup/cpu", "/sys/fs/cgroup")) {
      assertThat(Path.of(root, "mac-bench-init")).as("removed on close").doesNotExist();
      assertThat(Path.of(root, "mac-bench-invoke")).as("removed on close").doesNotExist();
    }
  }

  // The shell joins the group, then becomes the command under the same pid: its group shows once it has run.
  private static void awaitGroup(long pid, String group) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    String groups = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
    while (!groups.contains("/" + group) && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      groups = Files.readString(Path.of("/proc/" + pid + "/cgroup"));
    }
    assertThat(groups).as("process %d's groups", pid).contains("/" + group);
  }
}
