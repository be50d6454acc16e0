package org.mediaartscities.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MetricsTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T07:00:00Z"), ZoneOffset.UTC);

  @Test
  void aCountIsOneEmbeddedMetricFormatLineWithTheFunctionAsItsDimension() throws Exception {
    new Metrics("stack-DigestSenderFunction-abc", new PrintStream(out, true, StandardCharsets.UTF_8), clock)
        .count("DigestEmailsSent", 42);

    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written.lines()).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(written);
    JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
    assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
    assertThat(directive.get("Namespace").asText()).isEqualTo(Metrics.NAMESPACE);
    assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("FunctionName");
    assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("DigestEmailsSent");
    assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
    assertThat(line.get("FunctionName").asText()).isEqualTo("stack-DigestSenderFunction-abc");
    assertThat(line.get("DigestEmailsSent").asLong()).isEqualTo(42);
  }

  @Test
  void outsideLambdaNothingIsWritten() {
    new Metrics(null, new PrintStream(out, true, StandardCharsets.UTF_8), clock).count("DigestItems", 3);

    assertThat(out.size()).isZero();
  }
}
