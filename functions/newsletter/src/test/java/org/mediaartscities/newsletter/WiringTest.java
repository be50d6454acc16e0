package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.shared.env.Env;

/** Each newsletter function is given by template.yaml exactly the variables its configuration reads, and no more. */
class WiringTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(WiringTest.class);
  }

  static Stream<Arguments> functions() {
    return Stream.of(
        Arguments.of("NewsletterFunction", (Supplier<?>) NewsletterApiConfig::fromEnvironment),
        Arguments.of("DigestPlannerFunction", (Supplier<?>) DigestPlannerConfig::fromEnvironment),
        Arguments.of("DigestSenderFunction", (Supplier<?>) DigestSenderConfig::fromEnvironment),
        Arguments.of("MailEventsFunction", (Supplier<?>) MailEventsConfig::fromEnvironment));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void eachFunctionReadsEveryVariableItIsGivenAndIsGivenEveryOneItRequires(String function, Supplier<?> config) {
    Set<String> read = ConcurrentHashMap.newKeySet();
    Map<String, String> environment = new HashMap<>(bed.deployment.functions().environment(function)) {
      @Override
      public String get(Object name) {
        read.add((String) name);
        return super.get(name);
      }
    };

    Object built = ScopedValue.where(Env.SCOPED, environment).call(config::get);

    assertThat(built).isNotNull();
    assertThat(bed.deployment.template().environment(function).keySet()).isNotEmpty().allSatisfy(variable ->
        assertThat(read).as(function + " reads " + variable).contains(variable));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void onlyTheFunctionsThatSignMailOrKeyAddressesHoldTheirSecretOrTheSender(String function, Supplier<?> config) {
    Set<String> variables = bed.deployment.template().environment(function).keySet();
    boolean signs = Set.of("NewsletterFunction", "DigestSenderFunction").contains(function);

    assertThat(variables.contains("NEWSLETTER_SECRET_ID")).as(function + " signs links").isEqualTo(signs);
    assertThat(variables.contains("SENDER_EMAIL")).as(function + " mails").isEqualTo(signs);
    assertThat(variables.contains("NEWSLETTER_ADDRESS_KEY_ID")).as(function + " turns addresses or legacy ids into ids")
        .isEqualTo(!function.equals("DigestPlannerFunction"));
    assertThat(variables.contains("CAPTCHA_SECRET_ID")).as(function + " checks captchas")
        .isEqualTo(function.equals("NewsletterFunction"));
  }
}
