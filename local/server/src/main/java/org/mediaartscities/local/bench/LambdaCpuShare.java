package org.mediaartscities.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The CPU a Lambda instance of a given memory size gets, emulated with two Linux control groups for
 * {@code ./dev bench --lambda-memory MB}: the init phase runs on one full CPU, the invocation on the memory's share
 * of one (1,769 MB is one vCPU, linearly below it). Both are AWS's statements, not measured here (docs/PERFORMANCE.md,
 * "On Lambda's CPU"). A run starts in the init group and the bench moves it to the invocation group when its handler
 * is constructed.
 *
 * <p>Needs a writable cgroup file system (root on a machine with cgroup v1's {@code cpu} controller or cgroup v2), as
 * on the development machine; elsewhere the option fails before the first run.
 */
final class LambdaCpuShare implements AutoCloseable {

  /** Memory at which Lambda gives one vCPU (AWS Lambda developer guide, "Configuring function memory"). */
  static final int ONE_VCPU_MB = 1769;
  private static final long PERIOD_US = 100_000;

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
    double share = Math.min(1.0, memoryMb / (double) ONE_VCPU_MB);
    Path v1 = Path.of("/sys/fs/cgroup/cpu");
    boolean v2 = !Files.isDirectory(v1) && Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    Path root = v2 ? Path.of("/sys/fs/cgroup") : v1;
    if (!Files.isWritable(root)) {
      throw new IOException("--lambda-memory needs a writable " + root + " (run as root on a machine with cgroups)");
    }
    var shares = new LambdaCpuShare(root.resolve("mac-bench-init"), root.resolve("mac-bench-invoke"), v2);
    shares.limit(shares.init, 1.0);
    shares.limit(shares.invoke, share);
    return shares;
  }

  /**
   * The command that starts {@code command} inside the init group: a shell joins the group, then becomes the JVM, so
   * that no instruction of the JVM runs outside it.
   */
  List<String> startingInInit(List<String> command) {
    var wrapped = new java.util.ArrayList<String>(List.of("sh", "-c",
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
