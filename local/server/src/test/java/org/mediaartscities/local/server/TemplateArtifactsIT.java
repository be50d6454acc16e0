package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.LambdaArtifacts;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;
import org.mediaartscities.shared.json.Json;

/**
 * What sam build and sam deploy rely on: each function's Handler class is inside the artifact its CodeUri builds,
 * its Makefile has the target SAM calls, and each policy template it names exists. Runs after packaging.
 */
class TemplateArtifactsIT {

  /** The events library's S3 and SNS events carry Joda-Time dates: only their functions need it. */
  private static final java.util.Set<String> TAKES_S3_OR_SNS_EVENTS = java.util.Set.of("MediaFunction",
      "ApplicationFilesFunction", "MailEventsFunction");

  private final Template template = TemplateLoader.load(RepoPaths.template());

  @Test
  void everyHandlerClassIsInTheLambdaJarItsCodeUriBuilds() throws IOException {
    List<String> functions = template.resourcesOfType(Template.FUNCTION);
    assertThat(functions).isNotEmpty();
    for (String function : functions) {
      Path module = RepoPaths.root().resolve((String) template.functionProperties(function).get("CodeUri"));
      Path jar = LambdaArtifacts.jar(module, function);
      String entry = template.handlerClass(function).replace('.', '/') + ".class";
      try (var zip = new ZipFile(jar.toFile())) {
        assertThat(zip.getEntry(entry)).as(function + " handler " + entry + " in " + jar).isNotNull();
        assertThat(zip.getEntry("org/mediaartscities/shared/content/ContentRow.class")).as("shared code shaded in")
            .isNotNull();
      }
      String makefile = Files.readString(module.resolve("Makefile"));
      assertThat(makefile).as(function + "'s Makefile").contains("build-" + function + ":");
      assertThat(template.functionProperties(function).get("Handler").toString()).endsWith("::handleRequest");
    }
  }

  @Test
  void onlyTheFileCheckShipsPdfBoxAndOnlyEventsThatNeedItShipJodaTime() throws IOException {
    for (String function : template.resourcesOfType(Template.FUNCTION)) {
      Path module = RepoPaths.root().resolve((String) template.functionProperties(function).get("CodeUri"));
      try (var zip = new ZipFile(LambdaArtifacts.jar(module, function).toFile())) {
        assertThat(zip.getEntry("org/apache/pdfbox/Loader.class") != null).as(function + " ships PDFBox")
            .isEqualTo(function.equals("ApplicationFilesFunction"));
        assertThat(zip.getEntry("org/joda/time/DateTime.class") != null).as(function + " ships Joda-Time")
            .isEqualTo(TAKES_S3_OR_SNS_EVENTS.contains(function));
      }
    }
  }

  @Test
  void everyPolicyTemplateNamedExists() throws IOException {
    JsonNode known = Json.MAPPER.readTree(TemplateChecks.samFile("policy_templates.json").toFile()).get("Templates");
    int checked = 0;
    for (String function : template.resourcesOfType(Template.FUNCTION)) {
      Object policies = template.functionProperties(function).get("Policies");
      if (!(policies instanceof List<?> list)) {
        continue;
      }
      for (Object policy : list.stream().flatMap(TemplateArtifactsIT::branches).toList()) {
        if (policy instanceof Map<?, ?> map && !map.containsKey("Statement") && !map.containsKey("Ref")) {
          for (Object name : map.keySet()) {
            assertThat(known.has((String) name)).as(function + " policy template " + name).isTrue();
            checked++;
          }
        }
      }
    }
    assertThat(checked).isPositive();
  }

  /** A policy, or both branches of a policy that depends on a condition ({@code Fn::If}). */
  private static java.util.stream.Stream<Object> branches(Object policy) {
    if (policy instanceof Map<?, ?> map && map.get("Fn::If") instanceof List<?> parts) {
      return parts.stream().skip(1).map(Object.class::cast);
    }
    return java.util.stream.Stream.of(policy);
  }
}
