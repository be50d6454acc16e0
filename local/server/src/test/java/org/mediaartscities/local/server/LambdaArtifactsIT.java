package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LambdaArtifacts;
import org.mediaartscities.local.template.LocalSecrets;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/**
 * Each function's own Lambda jar, alone on the class path of a fresh JVM, with the function's template environment:
 * its handler is constructed and its SnapStart priming runs the real path without a failure. The module tests run
 * on the module's full class path; this is what proves that a jar which leaves dependencies out still holds every
 * class its function loads. Runs after packaging.
 */
class LambdaArtifactsIT {

  private static final String RUNTIME_EVENT_READER =
      "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
  private static final Template TEMPLATE = TemplateLoader.load(RepoPaths.template());
  private static LocalAws aws;
  private static LocalDeployment deployment;

  @BeforeAll
  static void deploy() {
    aws = LocalAws.start(null);
    deployment = LocalDeployment.deploy(RepoPaths.template(), aws, java.util.Map.of(), new LocalSecrets(null), "");
  }

  @AfterAll
  static void stop() {
    aws.close();
  }

  private static String codeSource(String className) throws Exception {
    return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  static List<String> functions() {
    return TEMPLATE.resourcesOfType(Template.FUNCTION);
  }

  @ParameterizedTest
  @MethodSource("functions")
  void theFunctionsJarAloneConstructsItsHandlerAndPrimesItsRealPath(String function) throws Exception {
    Path module = RepoPaths.root().resolve((String) TEMPLATE.functionProperties(function).get("CodeUri"));
    Path jar = LambdaArtifacts.jar(module, function);
    // The runtime's own event reader is on Lambda's class path before the function's jar.
    String classpath = String.join(":", codeSource(RUNTIME_EVENT_READER), jar.toString(),
        codeSource(PrimingProbe.class.getName()));
    var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, PrimingProbe.class.getName(), TEMPLATE.handlerClass(function)));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(deployment.functions().environment(function));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(function + " finished").isTrue();

    assertThat(output).as(function + " with " + jar.getFileName()).contains("PRIMED ok")
        .doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
  }
}
