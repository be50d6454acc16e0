package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;

/**
 * Values that CloudFormation makes template.yaml write more than once, spelled alike everywhere.
 *
 * <p>A bucket that triggers a function is named rather than referenced in that function's policies: a {@code !Ref}
 * would make the bucket's notification and the function's role wait for each other (a circular dependency). A
 * template has no variables, so an expression used by several functions is repeated. A typo in one copy would
 * deploy a function that reads the wrong bucket, or mails from an identity it may not use.
 */
class TemplateSpellingTest {

  /** What is repeated, a pattern for the lines that spell it (group 1 is the spelling), and the least count. */
  static Stream<Arguments> repeatedValues() {
    return Stream.of(
        // The bucket's own name, alone or inside an object ARN of a policy.
        Arguments.of("applications bucket name", Pattern.compile("(\\$\\{AWS::StackName}-applications-[^/']*)"), 3),
        Arguments.of("media bucket name", Pattern.compile("(\\$\\{AWS::StackName}-media-[^/']*)"), 3),
        Arguments.of("media base URL", Pattern.compile("MEDIA_BASE_URL: (.*)$"), 2),
        Arguments.of("SES identity", Pattern.compile("- Domain: (.*)$"), 2),
        Arguments.of("sender address", Pattern.compile("SENDER_EMAIL: (.*)$"), 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repeatedValues")
  void aRepeatedValueIsSpelledTheSameEverywhere(String what, Pattern spelling, int atLeast) throws IOException {
    List<String> spellings = Files.readAllLines(RepoPaths.template()).stream()
        .map(line -> line.replaceFirst("\\s+#.*$", ""))
        .map(spelling::matcher).filter(java.util.regex.Matcher::find).map(m -> m.group(1).strip()).toList();
    assertThat(spellings).as(what + " occurrences").hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(spellings.stream().distinct()).as(what + ": every spelling").hasSize(1);
  }
}
