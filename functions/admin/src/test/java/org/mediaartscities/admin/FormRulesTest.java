package org.mediaartscities.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.SampleData;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.json.Json;

/** The sample data's forms meet every rule an editor's form must meet, and come out of the rules unchanged. */
class FormRulesTest {

  static List<Arguments> sampleCallsWithForms() {
    List<Arguments> calls = SampleData.items(Instant.now()).stream()
        .filter(item -> item.kind() == Kind.CALL && item.call().form() != null)
        .map(item -> Arguments.of(item.slug(), item)).toList();
    assertThat(calls).isNotEmpty();
    return calls;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sampleCallsWithForms")
  void theSampleFormsPassTheRulesUnchanged(String slug, ContentItem call) {
    var form = call.call().form();
    // The way the admin API reads them: the form as JSON, into the input record.
    FormInput input = Json.read(Json.write(form), FormInput.class);

    assertThat(FormRules.form(input, call.originalLanguage())).isEqualTo(form.withVersion(1));
  }
}
