package org.mediaartscities.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU a Lambda instance of a given memory size gets, emulated with two Linux control groups for
 * {@code ./dev bench --lambda-memory MB}: the init phase runs on at least one full CPU, the invocation on the memory's
 * share (1,769 MB is one vCPU, proportionally below and above). Both are AWS's statements, not measured here
 * (docs/PERFORMANCE.md, "Fourth round"). A run starts in the init group and the bench moves it to the invocation
 * group when its handler is constructed.
 *
 * <p>Needs a writable cgroup file system (root on a machine with cgroup v1's {@code cpu} controller or cgroup v2), as
 * on the development machine; elsewhere the option fails before the first run.
 */
final class LambdaCpuShare implements AutoCloseable {

  /** Memory at which Lambda gives one vCPU (AWS Lambda developer guide, "Configuring function memory"). */
  static final int ONE_VCPU_MB = 1769;
  private static final long PERIOD_US = 100_000;
  private static final Path V1_CPU = Path.of("/sys/fs/cgroup/cpu");

  private final Path init;
  private final Path invoke;
  private final boolean v2;

  private LambdaCpuShare(Path init, Path invoke, boolean v2) {
    this.init = init;
    this.invoke = invoke;
    this.v2 = v2;
  }

  /** Creates the two groups for a function of {@code memoryMb}. */
  static LambdaCpuShare forMemory(int memoryMb) throws IOException {
    if (memoryMb < 128 || memoryMb > 10_240) {
      throw new IllegalArgumentException("--lambda-memory takes Lambda's range, 128 to 10240 MB: " + memoryMb);
    }
    Path root = root();
    if (!available()) {
      throw new IOException("--lambda-memory needs a writable " + root + " (run as root on a machine with cgroups)");
    }
    var shares = new LambdaCpuShare(root.resolve("mac-bench-init"), root.resolve("mac-bench-invoke"),
        !root.equals(V1_CPU));
    shares.limit(shares.init, initCpus(memoryMb));
    shares.limit(shares.invoke, invokeCpus(memoryMb));
    return shares;
  }

  /** Whether this machine lets the bench make control groups (root, and cgroup v1's cpu controller or v2). */
  static boolean available() {
    return Files.isWritable(root());
  }

  private static Path root() {
    return Files.isDirectory(V1_CPU) ? V1_CPU : Path.of("/sys/fs/cgroup");
  }

  /** An invocation's CPUs: proportional to memory, one at {@value #ONE_VCPU_MB} MB. */
  static double invokeCpus(int memoryMb) {
    return memoryMb / (double) ONE_VCPU_MB;
  }

  /** Init's CPUs: a full one below {@value #ONE_VCPU_MB} MB, the invocation's share above. */
  static double initCpus(int memoryMb) {
    return Math.max(1.0, invokeCpus(memoryMb));
  }

  /**
   * The command that starts {@code command} inside the init group: a shell joins the group, then becomes the JVM, so
   * that no instruction of the JVM runs outside it.
   */
  List<String> startingInInit(List<String> command) {
    var wrapped = new ArrayList<String>(List.of("sh", "-c",
        "echo $$ > '" + init.resolve("cgroup.procs") + "' && exec \"$@\"", "lambda-cpu-share"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Moves the process, with all its threads, to the invocation's share. */
  void toInvoke(long pid) throws IOException {
    Files.writeString(invoke.resolve("cgroup.procs"), Long.toString(pid));
  }

  private void limit(Path group, double cpus) throws IOException {
    Files.createDirectories(group);
    long quota = Math.round(cpus * PERIOD_US);
    if (v2) {
      Files.writeString(group.resolve("cpu.max"), quota + " " + PERIOD_US);
    } else {
      Files.writeString(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_US));
      Files.writeString(group.resolve("cpu.cfs_quota_us"), Long.toString(quota));
    }
  }

  /** Removes the groups; every run has exited by then, so they are empty. */
  @Override
  public void close() throws IOException {
    Files.deleteIfExists(init);
    Files.deleteIfExists(invoke);
  }
}
