package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.i18n.LanguagePreference;
import org.mediaartscities.shared.json.Json;

/**
 * The CloudFront Function that reduces Accept-Language for the cache key (edge/api-viewer-request.js), run by the
 * machine's node; skipped without node. Every case goes through one node process.
 */
class ApiViewerRequestFunctionTest {

  /** Runs handler() on each request (Accept-Language or null, lang or null); prints the header it leaves. */
  private static final String HARNESS = """
      const source = require('fs').readFileSync(process.argv[1], 'utf8');
      const handler = new Function(source + '\\nreturn handler;')();
      const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
      console.log(JSON.stringify(cases.map(([header, lang]) => {
        const headers = header === null ? {} : {'accept-language': {value: header}};
        const querystring = lang === null ? {} : {lang: {value: lang}};
        const out = handler({request: {uri: '/news', method: 'GET', headers, querystring}}).headers;
        return out['accept-language'] ? out['accept-language'].value : null;
      })));
      """;

  private static final Map<List<String>, String> NORMALISED = new LinkedHashMap<>();

  /** Accept-Language as browsers send it, and the header the API then receives (null: none). */
  private static final String[][] CASES = {
      {"fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", "fr,en"},
      {"fr-CA,fr;q=0.9,en;q=0.8", "fr,en"},
      {"fr", "fr"},
      {"FR-fr", "fr"},
      {"ko, ja", "ko,ja"},
      {"ko-KR,ko;q=0.9,ja;q=0.8,en;q=0.5", "ko,ja,en"},
      {"ja;q=0.5, ko;q=0.8, ru", "ko,ja"},
      {"de, it, pt-BR, es, nb", "de,it,pt"},
      {"zh-TW,zh-Hant;q=0.9", "zh"},
      {"ru, uk;q=0.8", null},
      {"*", null},
      {"en;q=0", null},
      {"he;q=abc, ka", "ka"},
      {"", null},
  };

  @BeforeAll
  static void run() throws Exception {
    var cases = new ArrayList<List<String>>();
    for (String[] c : CASES) {
      cases.add(java.util.Arrays.asList(c[0], null));
    }
    cases.add(java.util.Arrays.asList("fr-FR,fr;q=0.9", "ja"));
    cases.add(java.util.Arrays.asList(null, null));
    Process process;
    try {
      process = new ProcessBuilder("node", "-e", HARNESS, RepoPaths.root().resolve("edge/api-viewer-request.js")
          .toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "Skipped: node is not installed; it runs the CloudFront Function's source");
      return;
    }
    process.getOutputStream().write(Json.MAPPER.writeValueAsBytes(cases));
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    JsonNode results = Json.MAPPER.readTree(out);
    for (int i = 0; i < cases.size(); i++) {
      NORMALISED.put(cases.get(i), results.get(i).isNull() ? null : results.get(i).asText());
    }
  }

  private static String normalised(String header, String lang) {
    return NORMALISED.get(java.util.Arrays.asList(header, lang));
  }

  @Test
  void keepsTheRankedSupportedLanguagesUpToThree() {
    for (String[] c : CASES) {
      assertThat(normalised(c[0], null)).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void browsersSpellingsOfOneChoiceShareOneCacheKey() {
    assertThat(normalised("fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7", null)).isEqualTo(normalised("fr-CA,fr;q=0.9,en;q=0.8",
        null));
  }

  @Test
  void aKoreanAndJapaneseReaderStillGetsJapaneseWhereKoreanIsMissing() {
    var preference = LanguagePreference.of(java.util.Optional.empty(), normalised("ko, ja", null));
    assertThat(preference.choose(List.of("en", "ja", "fr"), "fr")).isEqualTo("ja");
  }

  @Test
  void theApiChoosesFromTheReducedHeaderAsFromTheBrowsersWhenOneOfItsFirstThreeFits() {
    List<String> available = List.of("en", "fr", "ja", "pt-BR", "zh-Hant", "ka");
    for (String[] c : CASES) {
      String asSent = LanguagePreference.of(java.util.Optional.empty(), c[0]).choose(available, "fr");
      String throughTheEdge = LanguagePreference.of(java.util.Optional.empty(), normalised(c[0], null))
          .choose(available, "fr");
      assertThat(throughTheEdge).as(c[0]).isEqualTo(asSent);
    }
  }

  @Test
  void aLangParameterDropsTheHeaderItOverrides() {
    assertThat(normalised("fr-FR,fr;q=0.9", "ja")).isNull();
    assertThat(normalised(null, null)).isNull();
  }
}
