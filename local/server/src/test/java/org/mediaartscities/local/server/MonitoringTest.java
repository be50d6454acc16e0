package org.mediaartscities.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.newsletter.DigestPlanner;
import org.mediaartscities.newsletter.DigestSender;
import org.mediaartscities.shared.log.Metrics;

/** What watches the deployed stack, read on the transformed template: alarms for every function and dead letter. */
class MonitoringTest {

  private static JsonNode resources;

  @BeforeAll
  static void transform() throws Exception {
    DeployedPermissionsTest.transform();
    resources = DeployedPermissionsTest.resources();
  }

  private static List<JsonNode> alarms() {
    return resources.properties().stream().filter(e -> e.getValue().path("Type").asText()
        .equals("AWS::CloudWatch::Alarm")).map(Map.Entry::getValue).toList();
  }

  private static boolean alarmed(String namespace, String metric, String dimension, String target) {
    return alarms().stream().map(a -> a.path("Properties")).anyMatch(p -> p.path("Namespace").asText().equals(namespace)
        && p.path("MetricName").asText().equals(metric) && p.path("Dimensions").toString().contains(dimension)
        && p.path("Dimensions").toString().contains("\"" + target + "\"")
        && p.path("AlarmActions").toString().contains("AlarmTopic"));
  }

  @Test
  void everyFunctionHasAnErrorAndAThrottleAlarm() {
    List<String> functions = resources.properties().stream()
        .filter(e -> e.getValue().path("Type").asText().equals("AWS::Lambda::Function")).map(Map.Entry::getKey)
        .toList();
    assertThat(functions).hasSizeGreaterThanOrEqualTo(11);
    for (String function : functions) {
      assertThat(alarmed("AWS/Lambda", "Errors", "FunctionName", function)).as(function + " errors").isTrue();
      assertThat(alarmed("AWS/Lambda", "Throttles", "FunctionName", function)).as(function + " throttles").isTrue();
    }
  }

  @Test
  void everyDeadLetterQueueHasAnAlarmAboveZero() {
    List<String> deadLetters = resources.properties().stream()
        .filter(e -> e.getValue().path("Type").asText().equals("AWS::SQS::Queue"))
        .map(Map.Entry::getKey)
        .filter(queue -> resources.toString().contains("\"deadLetterTargetArn\":{\"Fn::GetAtt\":[\"" + queue + "\""))
        .toList();
    assertThat(deadLetters).containsExactlyInAnyOrder("ExportsDeadLetterQueue", "DigestDeadLetterQueue");
    for (String queue : deadLetters) {
      assertThat(alarms().stream().map(a -> a.path("Properties")).anyMatch(p -> p.path("Dimensions").toString()
          .contains(queue) && p.path("Threshold").asDouble() == 0
          && p.path("ComparisonOperator").asText().equals("GreaterThanThreshold"))).as(queue).isTrue();
    }
  }

  @Test
  void everyTableAndTheApiAndSesAreWatched() {
    for (String table : List.of("ContentTable", "ApplicationsTable", "NewsletterTable")) {
      assertThat(alarmed("AWS/DynamoDB", "ThrottledRequests", "TableName", table)).as(table).isTrue();
    }
    assertThat(alarms().stream().map(a -> a.path("Properties").toString()))
        .anyMatch(p -> p.contains("5xx")).anyMatch(p -> p.contains("\"p99\""))
        .anyMatch(p -> p.contains("Reputation.BounceRate")).anyMatch(p -> p.contains("Reputation.ComplaintRate"));
    assertThat(resources.properties().stream().filter(e -> e.getValue().path("Type").asText()
        .equals("AWS::CloudWatch::Dashboard"))).hasSize(1);
  }

  @Test
  void aDigestWithNewsThatMailedNobodyRaisesAnAlarmOnTheCountsTheFunctionsWrite() {
    List<JsonNode> digestAlarms = alarms().stream().map(a -> a.path("Properties"))
        .filter(p -> p.path("Metrics").toString().contains(DigestPlanner.ITEMS_METRIC)).toList();
    assertThat(digestAlarms).hasSize(1);
    JsonNode alarm = digestAlarms.getFirst();
    assertThat(alarm.path("AlarmActions").toString()).contains("AlarmTopic");
    var stats = alarm.path("Metrics").valueStream().filter(m -> m.has("MetricStat"))
        .map(m -> m.path("MetricStat").path("Metric")).toList();
    assertThat(stats).allSatisfy(m -> assertThat(m.path("Namespace").asText()).isEqualTo(Metrics.NAMESPACE));
    assertThat(stats).anySatisfy(m -> {
      assertThat(m.path("MetricName").asText()).isEqualTo(DigestPlanner.ITEMS_METRIC);
      assertThat(m.path("Dimensions").toString()).contains("\"DigestPlannerFunction\"");
    });
    assertThat(stats).anySatisfy(m -> {
      assertThat(m.path("MetricName").asText()).isEqualTo(DigestSender.SENT_METRIC);
      assertThat(m.path("Dimensions").toString()).contains("\"DigestSenderFunction\"");
    });
    assertThat(alarm.path("Metrics").toString()).contains("items > 0").contains("FILL(sent, 0) == 0");
  }
}
