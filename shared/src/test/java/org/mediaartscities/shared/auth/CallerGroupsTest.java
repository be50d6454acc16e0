package org.mediaartscities.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerGroupsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[admins editors]|admins,editors",
      "editors|editors",
      "'[\"admins\",\"editors\"]'|admins,editors",
      "'  [editors]  '|editors",
      "[]|''",
      "'   '|''",
      "'admins, admins'|admins",
  })
  void readsTheGroupsClaimAsApiGatewayPassesIt(String claim, String expected) {
    Set<String> groups = Caller.groups(claim);

    assertThat(groups).isEqualTo(expected.isEmpty() ? Set.of() : Set.of(expected.split(",")));
  }

  @Test
  void noClaimIsNoGroup() {
    assertThat(Caller.groups(null)).isEmpty();
  }

  /** The separators are those of the regular expression {@code [\s,"]+} this parser replaced; blank names are dropped. */
  @Test
  void splitsRandomClaimsAsTheRegularExpressionDid() {
    Pattern separators = Pattern.compile("[\\s,\"]+");
    String alphabet = "ab[] ,\"\t\n\u000B\f\r\u2003\u00a0é";
    var random = new Random(20261202);
    for (int round = 0; round < 2_000; round++) {
      var claim = new StringBuilder();
      int length = random.nextInt(24);
      for (int i = 0; i < length; i++) {
        claim.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = claim.toString();
      Set<String> expected;
      if (text.isBlank()) {
        expected = Set.of();
      } else {
        String list = text.strip();
        if (list.startsWith("[") && list.endsWith("]")) {
          list = list.substring(1, list.length() - 1);
        }
        expected = Arrays.stream(separators.split(list)).filter(g -> !g.isBlank()).collect(Collectors.toSet());
      }

      assertThat(Caller.groups(text)).as("claim %s", text.replace("\n", "\\n")).isEqualTo(expected);
    }
  }
}
