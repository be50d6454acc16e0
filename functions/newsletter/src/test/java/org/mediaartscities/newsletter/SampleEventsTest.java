package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.sample;
import static org.mediaartscities.newsletter.NewsletterTestBed.sampleInput;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.json.Json;

/**
 * The sample events of events/newsletter/ (what {@code sam local invoke -e} sends) stay true to template.yaml, and
 * each gets the answer it should from a deployment where their placeholder tokens name nobody.
 */
class SampleEventsTest {

  /** Every HTTP sample, with the status it gets from a fresh deployment. */
  private static final Map<String, Integer> HTTP_SAMPLES = Map.of(
      "subscribe", 202,
      "confirm", 400,
      "get-preferences", 404,
      "update-preferences", 404,
      "unsubscribe-page", 404,
      "unsubscribe-one-click", 404,
      "list-digests", 200,
      "get-digest", 404);

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = NewsletterTestBed.fresh(SampleEventsTest.class);
  }

  @Test
  void everyRouteOfNewsletterFunctionHasASampleAndEverySampleIsOneOfItsRoutes() {
    var routes = bed.deployment.template().httpRoutes().stream()
        .filter(route -> route.functionId().equals("NewsletterFunction")).map(Template.HttpRoute::routeKey).toList();
    var sampled = HTTP_SAMPLES.keySet().stream().map(name -> sample(name).getRouteKey()).toList();

    assertThat(routes).isNotEmpty().containsExactlyInAnyOrderElementsOf(sampled);
  }

  static Stream<Arguments> httpSamples() {
    return HTTP_SAMPLES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(sample -> Arguments.of(sample.getKey(), sample.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("httpSamples")
  void eachHttpSampleIsAnsweredAsItsPlaceholdersCallFor(String name, int status) {
    var event = sample(name);
    assertThat(event.getRequestContext().getRouteKey()).isEqualTo(event.getRouteKey());

    var response = bed.call(event);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
  }

  @Test
  void theScheduleSampleIsTheInputTheTemplatesScheduleSends() throws Exception {
    var schedules = bed.deployment.template().schedules().stream()
        .filter(schedule -> schedule.functionId().equals("DigestPlannerFunction")).toList();

    assertThat(schedules).hasSize(1);
    assertThat(Json.MAPPER.readTree(schedules.getFirst().input()))
        .isEqualTo(Json.MAPPER.valueToTree(sampleInput("digest-schedule")));
  }

  @Test
  void theSqsSampleIsABatchTheSenderReads() {
    SQSEvent event = EventLoader.loadSQSEvent(NewsletterTestBed.samplePath("digest-batch-redelivered").toString());

    var batches = event.getRecords().stream().map(m -> Json.read(m.getBody(), DigestSender.Batch.class)).toList();

    assertThat(batches).singleElement().satisfies(batch -> {
      assertThat(batch.runId()).isEqualTo("weekly-2026-11-30");
      assertThat(batch.subscribers()).as("Lyon's reader of DigestTest, twice")
          .containsExactly(SecretTokens.emailHash("lyon.reader@example.org"),
              SecretTokens.emailHash("lyon.reader@example.org"));
    });
  }
}
