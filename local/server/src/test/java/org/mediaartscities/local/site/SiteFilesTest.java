package org.mediaartscities.local.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.json.Json;

/** What the files of web/ promise without a browser: a strict CSP they keep to, strings for every key, no HTML sink. */
class SiteFilesTest {

  private static final Path WEB = RepoPaths.root().resolve("web");

  static Stream<Path> pages() throws IOException {
    return files("html");
  }

  static Stream<Path> modules() throws IOException {
    return files("js");
  }

  private static Stream<Path> files(String extension) throws IOException {
    List<Path> found;
    try (Stream<Path> walk = Files.walk(WEB)) {
      found = walk.filter(p -> p.toString().endsWith("." + extension)).sorted().toList();
    }
    assertThat(found).as(extension + " files in web/").isNotEmpty();
    return found.stream();
  }

  @Test
  void theContentSecurityPolicyAllowsNoInlineCodeNorFraming() {
    String csp = SiteHeaders.load(WEB.resolve("security-headers.json"), Map.of("MediaOrigin", "https://m.example",
        "UploadOrigins", "https://u.example", "SignInOrigin", "https://s.example")).headers().get("Content-Security-Policy");

    assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*")
        .contains("default-src 'none'").contains("script-src 'self';").contains("style-src 'self';")
        .contains("frame-ancestors 'none'").contains("base-uri 'none'").contains("object-src 'none'");
  }

  @ParameterizedTest
  @MethodSource("pages")
  void pagesHaveNoInlineScriptStyleOrHandler(Path page) throws IOException {
    String html = Files.readString(page);

    assertThat(html).as(page.toString()).doesNotContainPattern("(?i)<script(?![^>]*\\bsrc=)[^>]*>")
        .doesNotContainPattern("(?i)\\sstyle=").doesNotContainPattern("(?i)\\son[a-z]+=")
        .doesNotContainPattern("(?i)<style").contains("<html lang=\"en\" dir=\"ltr\">")
        .contains("<meta name=\"viewport\"");
  }

  @ParameterizedTest
  @MethodSource("modules")
  void modulesInsertNoHtmlOutsideTheOneSanitisedSink(Path module) throws IOException {
    String code = Files.readString(module);
    long innerHtml = Pattern.compile("\\.innerHTML\\s*=").matcher(code).results().count();

    assertThat(innerHtml).as(module + ": innerHTML").isEqualTo(module.endsWith("dom.js") ? 1 : 0);
    assertThat(code).as(module.toString()).doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
        .doesNotContain("document.write").doesNotContain("eval(").doesNotContain("new Function")
        .doesNotContainPattern("\\.style\\.");
  }

  @Test
  void onlyTheApplicationAndTheLanguageChoiceUseLocalStorage() throws IOException {
    try (Stream<Path> modules = modules()) {
      var use = Pattern.compile("localStorage\\s*\\.");
      assertThat(modules.filter(m -> use.matcher(read(m)).find()).map(m -> m.getFileName().toString()))
          .containsExactlyInAnyOrder("apply.js", "i18n.js");
    }
  }

  @Test
  void everyConsolePageAsksSearchEnginesNotToIndexIt() throws IOException {
    try (Stream<Path> pages = pages()) {
      List<Path> console = pages.filter(page -> page.startsWith(WEB.resolve("console"))).toList();
      assertThat(console).hasSizeGreaterThan(6).allSatisfy(page ->
          assertThat(read(page)).as(page.toString()).contains("<meta name=\"robots\" content=\"noindex\">"));
    }
  }

  @Test
  void frenchHasEveryStringOfEnglish() throws IOException {
    assertThat(keys("fr")).isEqualTo(keys("en"));
    assertThat(keys("he")).isNotEmpty().isSubsetOf(keys("en"));
  }

  @Test
  void everyKeyNamedByAPageOrAModuleHasAnEnglishString() throws IOException {
    var named = new TreeSet<String>();
    var literal = Pattern.compile("\\bt\\('([a-z][A-Za-z-]*(?:\\.[A-Za-z-]+)+)'");
    var attribute = Pattern.compile("data-i18n=\"([^\"]+)\"");
    try (Stream<Path> modules = modules(); Stream<Path> pages = pages()) {
      Stream.concat(modules, pages).map(SiteFilesTest::read).forEach(text -> {
        literal.matcher(text).results().forEach(m -> named.add(m.group(1)));
        attribute.matcher(text).results().forEach(m -> named.add(m.group(1)));
      });
    }
    assertThat(named).hasSizeGreaterThan(100);
    assertThat(keys("en")).containsAll(named);
  }

  @Test
  void everyRouteNamesAFileOfTheSite() throws IOException {
    JsonNode routes = Json.MAPPER.readTree(WEB.resolve("routes.json").toFile()).get("routes");

    assertThat(routes).isNotEmpty().allSatisfy(route ->
        assertThat(WEB.resolve(route.get("file").asText().substring(1))).as(route.toString()).isRegularFile());
  }

  @Test
  void theDistributionSendsTheSameContentSecurityPolicy() throws IOException {
    String template = Files.readString(RepoPaths.template());
    Assumptions.assumeTrue(template.contains("AWS::CloudFront::ResponseHeadersPolicy")
        && template.contains("SiteBucket"), "template.yaml has no site distribution yet (docs/WEB.md, Deploying)");
    String csp = Json.MAPPER.readTree(WEB.resolve("security-headers.json").toFile()).get("headers")
        .get("Content-Security-Policy").asText();

    assertThat(template).contains(csp);
  }

  /** The keys of a language: its main file and the bundles pages load beside it (i18n/<bundle>/<language>.json). */
  private static Set<String> keys(String language) throws IOException {
    var keys = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(WEB.resolve("i18n"))) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals(language + ".json")).toList()) {
        Json.MAPPER.readTree(file.toFile()).fieldNames().forEachRemaining(keys::add);
      }
    }
    return keys;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
