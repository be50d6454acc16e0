package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;

/**
 * The shell blocks of the README and docs/API.md, run in order against a dev server started for them, as a
 * newcomer would paste them: documentation that no test runs drifts with every change.
 *
 * <p>Every {@code sh} block carries a mark on the line before it: {@code <!-- journey: sample-data -->} (run, on a
 * server seeded with the sample data), {@code <!-- journey: no-items -->} (run on a server with the 22 cities and
 * nothing else, as {@code ./dev run --no-sample-items} starts) or {@code <!-- not-run: why -->} (shown, not run: it needs another terminal,
 * or shows a placeholder). A block without a mark fails the test, so that nothing is skipped by guessing. The blocks
 * of one document and mode run in one shell, in order, so that a variable set by one is there for the next; they run
 * in a scratch folder, so that nothing they write lands in the working tree; {@code curl} fails on an HTTP error.
 */
class DocumentedJourneysIT {

  private static final List<String> DOCUMENTS = List.of("README.md", "docs/API.md");
  private static final Pattern BLOCK = Pattern.compile("(?:<!--\\s*(journey|not-run):\\s*([^>]*?)\\s*-->\\s*\\n)?"
      + "```(sh|bash)\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> TOOLS = List.of("bash", "curl", "jq", "unzip");

  record Block(String document, int number, String mark, String mode, String text) {}

  static List<Block> blocks(String document) throws IOException {
    String markdown = Files.readString(RepoPaths.root().resolve(document));
    var blocks = new ArrayList<Block>();
    var matcher = BLOCK.matcher(markdown);
    while (matcher.find()) {
      blocks.add(new Block(document, blocks.size() + 1, matcher.group(1), matcher.group(2), matcher.group(4)));
    }
    return blocks;
  }

  @Test
  void everyShellBlockSaysWhetherItRuns() throws IOException {
    var unmarked = new ArrayList<String>();
    int runnable = 0;
    for (String document : DOCUMENTS) {
      for (Block block : blocks(document)) {
        if (block.mark() == null) {
          unmarked.add(document + " block " + block.number() + ": " + block.text().lines().findFirst().orElse(""));
        } else if (block.mark().equals("journey")) {
          runnable++;
          assertThat(block.mode()).as(document + " block " + block.number() + " mode").isIn(DevServerModes.NAMES);
        }
      }
    }
    assertThat(unmarked).as("sh blocks without <!-- journey: MODE --> or <!-- not-run: WHY -->").isEmpty();
    assertThat(runnable).as("journey blocks").isGreaterThanOrEqualTo(5);
  }

  static Stream<Arguments> journeys() throws IOException {
    var journeys = new ArrayList<Arguments>();
    for (String document : DOCUMENTS) {
      var byMode = new LinkedHashMap<String, List<Block>>();
      for (Block block : blocks(document)) {
        if ("journey".equals(block.mark())) {
          byMode.computeIfAbsent(block.mode(), m -> new ArrayList<>()).add(block);
        }
      }
      byMode.forEach((mode, blocks) -> journeys.add(Arguments.of(document, mode, blocks)));
    }
    return journeys.stream();
  }

  @ParameterizedTest(name = "{0} on a server with {1}")
  @MethodSource("journeys")
  void theDocumentedJourneyRunsAsWritten(String document, String mode, List<Block> blocks) throws Exception {
    for (String tool : TOOLS) {
      assumeTrue(onPath(tool), "Skipped: " + tool + " is not installed (apt-get install " + tool + ")");
    }
    Path scratch = Files.createTempDirectory("journey-");
    try (DevServer server = DevServer.start(DevServerModes.options(mode));
        var relay = ContractCheckingRelay.to(server.port())) {
      Path script = scratch.resolve("journey.sh");
      // Through the relay: every answer the journey gets is checked against openapi.yaml.
      Files.writeString(script, script(relay.port(), blocks));
      // Output to a file, not a pipe: a journey prints more than a pipe holds while nobody reads it.
      Path log = scratch.resolve("journey.log");
      Process process = new ProcessBuilder("bash", script.toString()).directory(scratch.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean finished = process.waitFor(5, TimeUnit.MINUTES);
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!finished) {
        process.destroyForcibly();
        fail(document + " (" + mode + ") did not finish in 5 minutes:\n" + tail(output));
      }
      if (process.exitValue() != 0) {
        fail(document + " (" + mode + ") failed:\n" + tail(output));
      }
      assertThat(relay.violations()).as("answers of the journey that openapi.yaml does not describe").isEmpty();
    } finally {
      deleteRecursively(scratch);
    }
  }

  private static String script(int port, List<Block> blocks) {
    var script = new StringBuilder("""
        set -euo pipefail
        export API=http://localhost:%d
        export REPO=%s
        export DEV="$REPO/dev"
        # An HTTP error fails the block, as a reader would see it fail.
        curl() { command curl --fail-with-body --max-time 60 "$@"; }
        BLOCK=0
        trap 'echo; echo "FAILED: %s block $BLOCK, line $LINENO of journey.sh" >&2' ERR
        """.formatted(port, RepoPaths.root(), blocks.getFirst().document()));
    for (Block block : blocks) {
      script.append("\nBLOCK=").append(block.number()).append("; echo \"--- block ").append(block.number())
          .append("\"\n").append(block.text());
    }
    return script.append("\necho \"--- all blocks passed\"\n").toString();
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }

  private static String tail(String output) {
    List<String> lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** The server modes a block may ask for, and how the test starts each. */
  static final class DevServerModes {

    static final List<String> NAMES = List.of("sample-data", "no-items");

    private DevServerModes() {}

    static DevOptions options(String mode) {
      return switch (mode) {
        case "sample-data" -> new DevOptions(0, null, false, true);
        case "no-items" -> new DevOptions(0, null, false, false);
        default -> throw new IllegalArgumentException("No server mode '" + mode + "'; known: " + NAMES);
      };
    }
  }
}
