package org.mediaartscities.local.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;

/**
 * The layering the build relies on, read from the compiled classes of every module of the root POM: one Java
 * package lives in one module; functions never depend on one another; {@code shared} depends on no function; nothing
 * deployed depends on {@code local/}.
 */
class ArchitectureTest {

  /** The root package of each function module: a function's classes live under it, and only there. */
  private static final Map<String, String> FUNCTION_PACKAGES = Map.of(
      "functions/content", "org.mediaartscities.content",
      "functions/admin", "org.mediaartscities.admin",
      "functions/media", "org.mediaartscities.media",
      "functions/applications", "org.mediaartscities.applications",
      "functions/newsletter", "org.mediaartscities.newsletter");

  private static Map<String, JavaClasses> classesByModule;

  @BeforeAll
  static void importEveryModule() throws IOException {
    classesByModule = new TreeMap<>();
    for (String module : modules()) {
      Path classes = RepoPaths.root().resolve(module).resolve("target/classes");
      assertThat(classes).as("compiled classes of " + module).isDirectory();
      classesByModule.put(module, new ClassFileImporter().importPath(classes));
    }
  }

  /** The modules the root POM builds, so that a new module is checked without editing this test. */
  static List<String> modules() throws IOException {
    var matcher = Pattern.compile("<module>([^<]+)</module>")
        .matcher(Files.readString(RepoPaths.root().resolve("pom.xml")));
    var modules = new java.util.ArrayList<String>();
    while (matcher.find()) {
      modules.add(matcher.group(1));
    }
    return modules;
  }

  @Test
  void everyPackageLivesInOneModule() {
    var modulesByPackage = new TreeMap<String, Set<String>>();
    classesByModule.forEach((module, classes) -> classes.forEach(c ->
        modulesByPackage.computeIfAbsent(c.getPackageName(), p -> new TreeSet<>()).add(module)));
    assertThat(modulesByPackage).as("packages by module").isNotEmpty();
    assertThat(modulesByPackage.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Object::toString))
        .as("packages spread over two modules").isEmpty();
  }

  @Test
  void eachFunctionModuleHoldsOnlyItsOwnPackages() {
    var strays = new HashMap<String, List<String>>();
    FUNCTION_PACKAGES.forEach((module, root) -> {
      JavaClasses classes = classesByModule.get(module);
      assertThat(classes).as(module + " is a module of the root POM").isNotNull();
      assertThat(classes.size()).as(module + " has classes").isPositive();
      List<String> outside = classes.stream().map(JavaClass::getName)
          .filter(name -> !name.startsWith(root + ".")).toList();
      if (!outside.isEmpty()) {
        strays.put(module, outside);
      }
    });
    assertThat(strays).as("classes outside their function's package root").isEmpty();
  }

  static Stream<String> functionModules() {
    return FUNCTION_PACKAGES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("functionModules")
  void aFunctionDependsOnNoOtherFunction(String module) {
    String own = FUNCTION_PACKAGES.get(module);
    String[] others = FUNCTION_PACKAGES.values().stream().filter(p -> !p.equals(own)).map(p -> p + "..")
        .toArray(String[]::new);
    noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
        .because("each function deploys alone; what two functions share belongs in shared/")
        .check(classesByModule.get(module));
  }

  @ParameterizedTest
  @MethodSource("functionModules")
  void aFunctionDependsOnNothingLocal(String module) {
    noClasses().should().dependOnClassesThat().resideInAPackage("org.mediaartscities.local..")
        .because("local/ is the dev server and its stand-ins; nothing of it is deployed")
        .check(classesByModule.get(module));
  }

  @Test
  void sharedDependsOnNoFunctionAndNothingLocal() {
    String[] forbidden = Stream.concat(FUNCTION_PACKAGES.values().stream(), Stream.of("org.mediaartscities.local"))
        .map(p -> p + "..").toArray(String[]::new);
    JavaClasses shared = classesByModule.get("shared");
    assertThat(shared.size()).isPositive();
    noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden)
        .because("every function depends on shared/; shared/ depends on none of them")
        .check(shared);
  }

  @Test
  void sharedKeepsToItsOwnPackageRoot() {
    assertThat(classesByModule.get("shared").stream().map(JavaClass::getName)
        .filter(name -> !name.startsWith("org.mediaartscities.shared.")))
        .as("shared classes outside org.mediaartscities.shared").isEmpty();
  }
}
