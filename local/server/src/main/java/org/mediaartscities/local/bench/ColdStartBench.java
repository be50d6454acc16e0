package org.mediaartscities.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LambdaArtifacts;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * {@code ./dev bench}: cold starts as Lambda pays them when SnapStart is off. Each round starts a fresh JVM with the
 * flags Lambda's java25 runtime uses, on the deployment artifact, constructs the real handler with its template
 * environment, and answers its first real request from DynamoDB Local (warm, in this process); a hello-world
 * handler in the same kind of JVM is the floor. Beside it, once a round, the AWS SDK alone ({@link RawSdkHandler}: the
 * client every function builds, one GetItem) shows the lowest ratio a function on this stack can reach. The floor and
 * the functions take turns in every round, so that a machine busy for a while slows them alike; medians are printed
 * with each ratio to the floor and its goal.
 *
 * <p>Options: {@code --all} every API function (default: the content function), {@code --rounds N},
 * {@code --jvm-option OPT} (repeatable) adds a JVM flag to every run, {@code --env NAME=VALUE} (repeatable) adds a
 * variable to every run, e.g. the trace header Lambda sets when tracing is on. {@code --primed} runs each handler's
 * SnapStart priming after init and before the timed first request: that first request is what an instance restored
 * from a snapshot pays after its restore (the wall figure then also holds the priming: compare first requests).
 * {@code --unpacked} runs each jar unpacked into a folder, as Lambda unpacks a deployment archive into
 * {@code /var/task}. {@code --lambda-memory MB} gives each run the CPU Lambda gives a function of that memory
 * ({@link LambdaCpuShare}; needs root and cgroups), and reads the event in the invocation, as Lambda does.
 * With {@code --jvm-option -Dprobe.exit=true} each run exits through its shutdown hooks, so that a
 * flight recording ({@code -XX:StartFlightRecording}) is written.
 */
public final class ColdStartBench {

  /** Issue #14's artifact goals, in MB of 1,000,000 bytes (as printed). */
  private static final double CONTENT_JAR_GOAL_MB = 10;
  private static final double OTHER_JAR_GOAL_MB = 16;
  /** What the java25 managed runtime passes the JVM (outside SnapStart). */
  static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xshare:auto");

  private record Run(double wallMs, double initMs, double firstMs, long rssKb, int status) {}

  private record Options(int rounds, boolean all, boolean primed, boolean unpacked, int lambdaMemoryMb,
      List<String> jvmOptions, Map<String, String> env) {

    static Options parse(String[] args) {
      int rounds = 15;
      boolean all = false;
      boolean primed = false;
      boolean unpacked = false;
      int lambdaMemoryMb = 0;
      var jvmOptions = new ArrayList<String>();
      var env = new LinkedHashMap<String, String>();
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--all" -> all = true;
          case "--primed" -> primed = true;
          case "--unpacked" -> unpacked = true;
          case "--lambda-memory" -> lambdaMemoryMb = Integer.parseInt(args[++i]);
          case "--jvm-option" -> jvmOptions.add(args[++i]);
          case "--env" -> {
            String[] pair = args[++i].split("=", 2);
            env.put(pair[0], pair.length > 1 ? pair[1] : "");
          }
          default -> throw new IllegalArgumentException("Unknown option " + args[i]
              + " (use --all, --primed, --unpacked, --lambda-memory MB, --rounds N, --jvm-option OPT,"
              + " --env NAME=VALUE)");
        }
      }
      return new Options(rounds, all, primed, unpacked, lambdaMemoryMb, List.copyOf(jvmOptions), Map.copyOf(env));
    }
  }

  private ColdStartBench() {}

  public static void main(String[] args) {
    int exit = 0;
    try {
      benchmark(Options.parse(args));
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    Runtime.getRuntime().halt(exit); // DynamoDB Local leaves non-daemon threads behind, even after a failure
  }

  private static void benchmark(Options options) throws Exception {
    Path root = RepoPaths.root();
    List<ColdStartTarget> targets = options.all() ? ColdStartTarget.API_FUNCTIONS : List.of(ColdStartTarget.CONTENT);
    String probeClasses = String.join(":", root.resolve("local/server/target/classes").toString(),
        root.resolve("local/services/target/classes").toString());
    Path floorEvent = root.resolve(ColdStartTarget.CONTENT.event());
    String floorClasspath = artifact(options, root, ColdStartTarget.CONTENT) + ":" + probeClasses;

    try (LocalAws aws = LocalAws.start(null);
        LambdaCpuShare cpu = options.lambdaMemoryMb() > 0 ? LambdaCpuShare.forMemory(options.lambdaMemoryMb()) : null) {
      LocalDeployment deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of(), new LocalSecrets(null),
          "");
      var client = DynamoDbEnhancedClient.builder().dynamoDbClient(aws.clients().dynamoDb()).build();
      SampleData.seed(new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA)),
          Instant.now());

      var floor = new ArrayList<Run>();
      var rawSdk = new ArrayList<Run>();
      Map<String, String> rawSdkEnv = new HashMap<>(deployment.functions().environment(
          ColdStartTarget.CONTENT.function()));
      rawSdkEnv.putAll(options.env());
      var runs = new LinkedHashMap<ColdStartTarget, List<Run>>();
      var environments = new HashMap<ColdStartTarget, Map<String, String>>();
      var classpaths = new HashMap<ColdStartTarget, String>();
      for (ColdStartTarget target : targets) {
        var env = new HashMap<>(deployment.functions().environment(target.function()));
        env.putAll(options.env());
        environments.put(target, env);
        classpaths.put(target, artifact(options, root, target) + ":" + probeClasses);
        runs.put(target, new ArrayList<>());
      }
      // One unmeasured round warms the OS file cache and DynamoDB Local.
      run(options, cpu, floorClasspath, HelloHandler.class.getName(), floorEvent, options.env());
      run(options, cpu, floorClasspath, RawSdkHandler.class.getName(), floorEvent, rawSdkEnv);
      for (ColdStartTarget target : targets) {
        run(options, cpu, classpaths.get(target), target.handler(), root.resolve(target.event()),
            environments.get(target));
      }
      for (int i = 0; i < options.rounds(); i++) {
        rawSdk.add(run(options, cpu, floorClasspath, RawSdkHandler.class.getName(), floorEvent, rawSdkEnv));
        for (ColdStartTarget target : targets) {
          floor.add(run(options, cpu, floorClasspath, HelloHandler.class.getName(), floorEvent, options.env()));
          runs.get(target).add(run(options, cpu, classpaths.get(target), target.handler(),
              root.resolve(target.event()), environments.get(target)));
        }
      }

      System.out.printf("%nCold start%s, %d rounds, medians (JVM flags: %s)%n",
          options.primed() ? " with SnapStart priming before the first request" : "", options.rounds(),
          String.join(" ", flags(options)));
      if (cpu != null) {
        System.out.printf("CPU as Lambda gives %d MB: init on %.2f CPU, the event and first request on %.2f%n",
            options.lambdaMemoryMb(), LambdaCpuShare.initCpus(options.lambdaMemoryMb()),
            LambdaCpuShare.invokeCpus(options.lambdaMemoryMb()));
      }
      if (!options.env().isEmpty()) {
        System.out.println("Extra variables: " + options.env());
      }
      System.out.printf("%-22s %-36s %6s %8s %8s %10s %7s %7s %6s%n", "", "first request", "status", "wall ms",
          "init ms", "1st req ms", "RSS MB", "ratio", "goal");
      double floorWall = median(floor, Run::wallMs);
      print("hello-world (floor)", "GET /news (constant answer)", floor, floorWall, Double.NaN);
      print("AWS SDK alone", "one GetItem (a missing key)", rawSdk, floorWall, Double.NaN);
      boolean allMet = true;
      for (var entry : runs.entrySet()) {
        ColdStartTarget target = entry.getKey();
        print(target.function(), request(root.resolve(target.event())), entry.getValue(), floorWall, target.goal());
        allMet &= median(entry.getValue(), Run::wallMs) / floorWall <= target.goal();
      }
      System.out.printf("%nEvery function within its goal: %s%n", allMet ? "yes" : "NO");
      System.out.printf("%nDeployment artifacts (issue #14: the content function's at most %.0f MB, the others' %.0f MB):%n",
          CONTENT_JAR_GOAL_MB, OTHER_JAR_GOAL_MB);
      try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
        // functions/ also holds the Makefile include the modules share: only its folders are modules.
        for (Path module : modules.filter(Files::isDirectory).sorted().toList()) {
          try (Stream<Path> jars = Files.list(module.resolve("target"))) {
            for (Path jar : jars.filter(ColdStartBench::isLambdaJar).sorted().toList()) {
              double megabytes = Files.size(jar) / 1e6;
              double goal = jar.getFileName().toString().startsWith("content-") ? CONTENT_JAR_GOAL_MB
                  : OTHER_JAR_GOAL_MB;
              System.out.printf("  %-80s %6.2f MB  within the goal: %s%n", root.relativize(jar), megabytes,
                  megabytes <= goal ? "yes" : "NO");
            }
          }
        }
      }
    }
  }

  private static List<String> flags(Options options) {
    var flags = new ArrayList<>(LAMBDA_FLAGS);
    flags.addAll(options.jvmOptions());
    return flags;
  }

  private static String request(Path event) throws IOException {
    String json = Files.readString(event);
    var matcher = java.util.regex.Pattern.compile("\"routeKey\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : event.getFileName().toString();
  }

  private static Run run(Options options, LambdaCpuShare cpu, String classpath, String handler, Path event,
      Map<String, String> env) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags(options));
    if (cpu != null) {
      command.add("-Dprobe.awaitInvoke=true");
    }
    command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), handler, event.toString()));
    if (options.primed() && !handler.equals(HelloHandler.class.getName())
        && !handler.equals(RawSdkHandler.class.getName())) {
      command.add("--primed");
    }
    var builder = new ProcessBuilder(cpu == null ? command : cpu.startingInInit(command)).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    // As Lambda sets it: an on-demand cold start, or an instance made from a snapshot (--primed). Blank it with
    // --env AWS_LAMBDA_INITIALIZATION_TYPE= to see a handler that does not prime at init.
    builder.environment().putIfAbsent("AWS_LAMBDA_INITIALIZATION_TYPE", options.primed() ? "snap-start" : "on-demand");
    long start = System.nanoTime();
    Process process = builder.start();
    String result = null;
    var output = new StringBuilder();
    try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        } else if (cpu != null && line.equals(ColdStartProbe.INITIALISED)) {
          cpu.toInvoke(process.pid());
          process.getOutputStream().write('\n');
          process.getOutputStream().flush();
        } else {
          output.append(line).append('\n');
        }
      }
    }
    process.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    if (result == null) {
      throw new IllegalStateException(handler + " did not answer:\n" + output);
    }
    String[] parts = result.split(" ");
    int status = Integer.parseInt(parts[1]);
    if (status >= 500) {
      throw new IllegalStateException(handler + " answered " + status + ":\n" + output);
    }
    return new Run(wall, Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Long.parseLong(parts[4]),
        status);
  }

  private static void print(String name, String request, List<Run> runs, double floorWall, double goal) {
    double wall = median(runs, Run::wallMs);
    System.out.printf("%-22s %-36s %6d %8.0f %8.0f %10.0f %7.0f %7.2f %6s%n", name, request,
        runs.getFirst().status(), wall, median(runs, Run::initMs), median(runs, Run::firstMs),
        median(runs, r -> r.rssKb() / 1024.0), wall / floorWall, Double.isNaN(goal) ? "" : String.format("%.1f", goal));
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> metric) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static boolean isLambdaJar(Path file) {
    return file.getFileName().toString().endsWith("-lambda.jar");
  }

  /**
   * The function's code as the JVM reads it: the jar itself, or with {@code --unpacked} the jar's entries in a
   * folder, as Lambda unpacks a deployment archive into {@code /var/task} before its runtime starts.
   */
  private static Path artifact(Options options, Path root, ColdStartTarget target) throws IOException {
    Path jar = jar(root, target);
    if (!options.unpacked()) {
      return jar;
    }
    Path folder = root.resolve("local/server/target/bench-unpacked").resolve(target.function());
    try (Stream<Path> old = Files.exists(folder) ? Files.walk(folder) : Stream.empty()) {
      for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
      for (var entry : java.util.Collections.list(zip.entries())) {
        Path entryPath = folder.resolve(entry.getName()).normalize();
        if (!entryPath.startsWith(folder)) {
          throw new IOException("entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(entryPath);
        } else {
          Files.createDirectories(entryPath.getParent());
          try (var in = zip.getInputStream(entry)) {
            Files.copy(in, entryPath);
          }
        }
      }
    }
    return folder;
  }

  private static Path jar(Path root, ColdStartTarget target) {
    return LambdaArtifacts.jar(root.resolve("functions").resolve(target.module()), target.function());
  }
}
