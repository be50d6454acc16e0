package org.mediaartscities.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * {@code ./dev warm-bench}: what each API function's handler adds, once warm, to the DynamoDB requests it makes
 * (issue #14: p50 overhead ≤ 10 %). In this JVM, on DynamoDB Local on loopback with the sample data, each function's
 * real handler (constructed with its template environment) answers one read route, and a plain DynamoDB client,
 * built as the handler builds its own, sends the same requests the handler sends for it ({@link WarmPathTargets}).
 * After a warm-up of both, every iteration times one of each, in turns (handler first on even iterations, raw first
 * on odd ones), so that machine noise and garbage collection hit both alike. Only {@code handleRequest} is timed:
 * parsing the event, which the runtime does, is not.
 *
 * <p>Each function is measured in a JVM of its own, as on Lambda: in one JVM, a function's handler would run on call
 * sites that the functions measured before it made megamorphic (Jackson's writers, the SDK's pipeline), and its figure
 * would depend on its place in the list. {@code --same-jvm} measures them all in this one instead.
 *
 * <p>Options: {@code --requests N} timed pairs per function (default 1000), {@code --warmup N} untimed pairs before
 * them (default 2000), {@code --function NAME} one function only (e.g. ContentFunction), {@code --same-jvm}.
 */
public final class WarmPathBench {

  /** The most a handler may add to its DynamoDB requests at p50 (issue #14). */
  static final double GOAL = 0.10;

  record Options(int requests, int warmup, String function, boolean sameJvm) {

    static Options parse(String... args) {
      int requests = 1000;
      int warmup = 2000;
      String function = null;
      boolean sameJvm = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--requests" -> requests = positive(args, ++i);
          case "--warmup" -> warmup = Math.max(0, number(args, ++i));
          case "--function" -> function = value(args, ++i);
          case "--same-jvm" -> sameJvm = true;
          default -> throw new IllegalArgumentException("Unknown option " + args[i]
              + " (use --requests N, --warmup N, --function NAME, --same-jvm)");
        }
      }
      return new Options(requests, warmup, function, sameJvm);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }

    private static int number(String[] args, int i) {
      try {
        return Integer.parseInt(value(args, i));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(args[i - 1] + " takes a whole number, not " + args[i]);
      }
    }

    private static int positive(String[] args, int i) {
      int n = number(args, i);
      if (n < 1) {
        throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
      }
      return n;
    }
  }

  /** One function's timings, in nanoseconds, sorted. */
  record Result(WarmPathTarget target, long[] raw, long[] handler) {

    double overhead() {
      return (double) (percentile(handler, 50) - percentile(raw, 50)) / percentile(raw, 50);
    }
  }

  private WarmPathBench() {}

  public static void main(String[] args) {
    int exit = 0;
    try {
      Options options = Options.parse(args);
      if (options.function() == null && !options.sameJvm()) {
        benchmarkEachInItsOwnJvm(options);
      } else {
        benchmark(options);
      }
    } catch (Exception e) {
      e.printStackTrace();
      exit = 1;
    }
    Runtime.getRuntime().halt(exit); // DynamoDB Local leaves non-daemon threads behind, even after a failure
  }

  private static void benchmark(Options options) throws Exception {
    try (LocalAws aws = LocalAws.start(null)) {
      LocalDeployment deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of(), new LocalSecrets(null),
          "");
      var client = DynamoDbEnhancedClient.builder().dynamoDbClient(aws.clients().dynamoDb()).build();
      SampleData.seed(new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA)),
          Instant.now());
      List<WarmPathTarget> targets = WarmPathTargets.all(deployment, RepoPaths.root()).stream()
          .filter(t -> options.function() == null || t.function().equals(options.function())).toList();
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("No API function named " + options.function());
      }
      var results = targets.stream().map(target -> measure(target, options)).toList();

      printTable(options, results.stream().map(WarmPathBench::row).toList());
    }
  }

  private static void benchmarkEachInItsOwnJvm(Options options) throws Exception {
    var rows = new ArrayList<String>();
    for (String function : ColdStartTarget.API_FUNCTIONS.stream().map(ColdStartTarget::function).toList()) {
      var command = new ArrayList<String>();
      command.add(ProcessHandle.current().info().command().orElseThrow());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), WarmPathBench.class.getName(),
          "--function", function, "--requests", String.valueOf(options.requests()), "--warmup",
          String.valueOf(options.warmup())));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(function + " failed:\n" + output);
      }
      rows.add(output.lines().filter(line -> line.startsWith(function + " ")).findFirst()
          .orElseThrow(() -> new IllegalStateException(function + " printed no row:\n" + output)));
    }
    printTable(options, rows);
  }

  private static String row(Result result) {
    return String.format("%-21s %-30s %5d %8.3f %8.3f %8.3f %8.3f %8.1f%% %8.3f %4.0f%% %4s",
        result.target().function(), result.target().route(), result.target().raw().size(),
        ms(percentile(result.raw(), 50)), ms(percentile(result.raw(), 90)),
        ms(percentile(result.handler(), 50)), ms(percentile(result.handler(), 90)), 100 * result.overhead(),
        ms(percentile(result.handler(), 50) - percentile(result.raw(), 50)), 100 * GOAL,
        result.overhead() <= GOAL ? "yes" : "NO");
  }

  private static void printTable(Options options, List<String> rows) {
    System.out.printf("%nWarm path: %d requests per function after %d warm-up, handler and raw SDK calls taking "
        + "turns, %s (JVM flags: %s)%n", options.requests(), options.warmup(),
        options.sameJvm() ? "all functions in one JVM" : "each function in a JVM of its own", jvmFlags());
    System.out.printf("%-21s %-30s %5s %8s %8s %8s %8s %9s %8s %5s %4s%n", "function", "route", "calls",
        "raw p50", "raw p90", "hdl p50", "hdl p90", "overhead", "ovh ms", "goal", "met");
    rows.forEach(System.out::println);
    System.out.printf("%nTimes in ms; calls: the DynamoDB requests of one request, sent alike by both sides.%n");
    System.out.printf("Every function within its goal: %s%n",
        rows.stream().allMatch(row -> row.endsWith("yes")) ? "yes" : "NO");
  }

  private static Result measure(WarmPathTarget target, Options options) {
    for (int i = 0; i < options.warmup(); i++) {
      timeHandler(target);
      timeRaw(target);
    }
    long[] raw = new long[options.requests()];
    long[] handler = new long[options.requests()];
    for (int i = 0; i < options.requests(); i++) {
      if (i % 2 == 0) {
        handler[i] = timeHandler(target);
        raw[i] = timeRaw(target);
      } else {
        raw[i] = timeRaw(target);
        handler[i] = timeHandler(target);
      }
    }
    Arrays.sort(raw);
    Arrays.sort(handler);
    return new Result(target, raw, handler);
  }

  /** One invocation through {@code handleRequest}, on an event parsed afresh as the runtime parses each one. */
  private static long timeHandler(WarmPathTarget target) {
    APIGatewayV2HTTPEvent event = WarmPathTargets.parse(target.event());
    LocalContext context = WarmPathTargets.context(target.function());
    long start = System.nanoTime();
    APIGatewayV2HTTPResponse response = target.handler().handleRequest(event, context);
    long elapsed = System.nanoTime() - start;
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(target.function() + " answered " + response.getStatusCode() + ": "
          + response.getBody());
    }
    return elapsed;
  }

  private static long timeRaw(WarmPathTarget target) {
    long start = System.nanoTime();
    target.sendRaw();
    return System.nanoTime() - start;
  }

  /** The nearest-rank percentile {@code p} (0 < p ≤ 100) of sorted values. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("No values");
    }
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(rank, sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String jvmFlags() {
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(flag -> flag.startsWith("-XX:") || flag.startsWith("-Xm") || flag.startsWith("-Xshare")).toList();
    return flags.isEmpty() ? "the JDK's defaults" : String.join(" ", flags);
  }
}
