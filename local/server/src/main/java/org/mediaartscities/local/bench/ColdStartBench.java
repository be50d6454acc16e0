package org.mediaartscities.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LocalSecrets;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * {@code ./dev bench}: the content function's cold start as Lambda pays it. Each round starts a fresh JVM with the
 * flags Lambda's java25 runtime uses, on the deployment artifact, constructs the real handler, and answers the
 * first {@code GET /news} from DynamoDB Local (warm, in this process); the same for a hello-world handler as the
 * floor. Rounds are interleaved; medians are printed with their ratio and the artifact sizes.
 */
public final class ColdStartBench {

  /** What the java25 managed runtime passes the JVM (outside SnapStart). */
  static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
      "-XX:+UseSerialGC", "-Xshare:auto");

  private record Run(double wallMs, double initMs, double firstMs, long rssKb) {}

  private ColdStartBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 1 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 15;
    Path root = RepoPaths.root();
    Path contentJar = lambdaJar(root.resolve("functions/content"));
    String probeClasspath = String.join(":", contentJar.toString(),
        root.resolve("local/server/target/classes").toString(), root.resolve("local/services/target/classes")
            .toString());
    Path event = root.resolve("events/content/list-news.json");

    try (LocalAws aws = LocalAws.start(null)) {
      LocalDeployment deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of(), new LocalSecrets(null),
          "");
      var client = DynamoDbEnhancedClient.builder().dynamoDbClient(aws.clients().dynamoDb()).build();
      SampleData.seed(new ContentStore(client, client.table(deployment.name("ContentTable"), ContentRow.SCHEMA)),
          Instant.now());
      Map<String, String> env = deployment.functions().environment("ContentFunction");

      var hello = new ArrayList<Run>();
      var content = new ArrayList<Run>();
      run(probeClasspath, HelloHandler.class.getName(), event, env); // warms the OS file cache, not measured
      run(probeClasspath, "org.mediaartscities.content.ContentHandler", event, env);
      for (int i = 0; i < rounds; i++) {
        hello.add(run(probeClasspath, HelloHandler.class.getName(), event, env));
        content.add(run(probeClasspath, "org.mediaartscities.content.ContentHandler", event, env));
      }

      System.out.printf("%nCold start, %d rounds, medians (JVM flags: %s)%n", rounds, String.join(" ", LAMBDA_FLAGS));
      System.out.printf("%-34s %9s %9s %12s %9s%n", "", "wall ms", "init ms", "1st req ms", "RSS MB");
      print("hello-world handler (floor)", hello);
      print("ContentFunction, GET /news", content);
      System.out.printf("%nRatio ContentFunction / floor (wall): %.2f%n", median(content, Run::wallMs)
          / median(hello, Run::wallMs));
      System.out.printf("%nDeployment artifacts:%n");
      try (Stream<Path> jars = Files.list(root.resolve("functions"))) {
        // functions/ also holds the Makefile include the modules share: only its folders are modules.
        for (Path module : jars.filter(Files::isDirectory).sorted().toList()) {
          Path jar = lambdaJar(module);
          System.out.printf("  %-40s %6.1f MB%n", root.relativize(jar), Files.size(jar) / 1e6);
        }
      }
    }
    Runtime.getRuntime().halt(0); // DynamoDB Local leaves non-daemon threads behind
  }

  private static Run run(String classpath, String handler, Path event, Map<String, String> env) throws Exception {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(LAMBDA_FLAGS);
    command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName(), handler, event.toString()));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String result = null;
    var output = new StringBuilder();
    try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        } else {
          output.append(line).append('\n');
        }
      }
    }
    process.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    if (result == null || !result.startsWith("RESULT 200 ")) {
      throw new IllegalStateException(handler + " did not answer 200:\n" + result + "\n" + output);
    }
    String[] parts = result.split(" ");
    return new Run(wall, Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Long.parseLong(parts[4]));
  }

  private static void print(String name, List<Run> runs) {
    System.out.printf("%-34s %9.0f %9.0f %12.0f %9.0f%n", name, median(runs, Run::wallMs), median(runs, Run::initMs),
        median(runs, Run::firstMs), median(runs, r -> r.rssKb() / 1024.0));
  }

  private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> metric) {
    double[] values = runs.stream().mapToDouble(metric).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static Path lambdaJar(Path module) throws IOException {
    try (Stream<Path> files = Files.list(module.resolve("target"))) {
      return files.filter(f -> f.getFileName().toString().endsWith("-lambda.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No Lambda jar in " + module + "/target: run ./dev package"));
    }
  }
}
