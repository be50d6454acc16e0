package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;

/**
 * cfn-lint on every template of the repository: it runs the real SAM transform (aws-sam-translator), then checks
 * the result against CloudFormation's resource schemas. A template it rejects is a template CloudFormation rejects;
 * the SAM JSON schema test alone missed such errors. Errors, warnings and informational findings fail the build.
 */
class CfnLintTest {

  @Test
  void everyTemplatePassesCfnLintWithNoErrorOrWarning() throws Exception {
    assumeTrue(onPath("cfn-lint"), "Skipped: cfn-lint is not installed. Install it with `pip install cfn-lint`"
        + " (it brings the SAM translator); CI machines of this project have it.");
    List<Path> templates = templates();
    assertThat(templates).contains(RepoPaths.template());
    for (Path template : templates) {
      // Informational findings too: each is fixed, or silenced in the template's Metadata with its reason.
      var command = List.of("cfn-lint", "--format", "parseable", "--include-checks", "I", "--",
          template.toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("cfn-lint finished").isTrue();
      // Exit code bits: 2 errors, 4 warnings, 8 informational (not run by default), 32 a lint failure.
      assertThat(output).as(RepoPaths.root().relativize(template) + ": cfn-lint findings").isEmpty();
      assertThat(process.exitValue()).as("cfn-lint exit code").isZero();
    }
  }

  /** template.yaml and any other CloudFormation template of the repository (YAML files with a Resources key). */
  static List<Path> templates() throws IOException {
    Path root = RepoPaths.root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
          .filter(f -> !f.toString().contains("/target/") && !f.toString().contains("/.git/")
              && !f.toString().contains("/node_modules/") && !f.toString().contains("/.local/"))
          .filter(CfnLintTest::isCloudFormation).sorted().toList();
    }
  }

  private static boolean isCloudFormation(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains("AWSTemplateFormatVersion") || text.lines().anyMatch(l -> l.equals("Resources:"));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }
}
