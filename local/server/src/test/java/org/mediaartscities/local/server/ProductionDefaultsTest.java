package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.local.template.TemplateLoader;

/** What `sam deploy` takes when nobody overrides a parameter: production values, nothing of a developer's machine. */
class ProductionDefaultsTest {

  @Test
  void noParameterDefaultPointsAtADevelopersMachine() {
    Map<String, Object> parameters = Template.map(TemplateLoader.load(RepoPaths.template()).root().get("Parameters"));
    assertThat(parameters).containsKeys("FrontendOrigins", "AdminCallbackUrls");
    parameters.forEach((name, definition) -> {
      Object value = Template.map(definition).get("Default");
      assertThat(String.valueOf(value)).as(name + " default").doesNotContain("localhost").doesNotContain("127.0.0.1");
    });
  }

  @Test
  void everyAccountNeedsAnAuthenticatorAndAVerifiedAddressChange() {
    Map<String, Object> pool = Template.map(Template.map(Template.map(TemplateLoader.load(RepoPaths.template()).root()
        .get("Resources")).get("UserPool")).get("Properties"));
    assertThat(pool.get("MfaConfiguration")).isEqualTo("ON");
    assertThat(String.valueOf(pool.get("EnabledMfas"))).contains("SOFTWARE_TOKEN_MFA");
    assertThat(String.valueOf(pool.get("UserAttributeUpdateSettings"))).contains("email");
  }
}
