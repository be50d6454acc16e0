package org.mediaartscities.shared.log;

import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mediaartscities.shared.json.Json;

/**
 * Counts that alarms watch, written as CloudWatch embedded metric format (EMF) lines on standard output: Lambda
 * passes a line that is already JSON through untouched, and CloudWatch Logs turns it into a metric, with no client,
 * no API call and nothing at init. Each metric carries the function's name as its one dimension, so the stack's
 * alarms can name it with {@code !Ref}. Outside Lambda (no {@code AWS_LAMBDA_FUNCTION_NAME}) nothing is written.
 */
public final class Metrics {

  /** The namespace of every metric of this backend. */
  public static final String NAMESPACE = "MediaArtsCities";

  private static final Metrics LAMBDA = new Metrics(System.getenv("AWS_LAMBDA_FUNCTION_NAME"), System.out,
      Clock.systemUTC());

  private final String functionName;
  private final PrintStream out;
  private final Clock clock;

  Metrics(String functionName, PrintStream out, Clock clock) {
    this.functionName = functionName;
    this.out = out;
    this.clock = clock;
  }

  /** The metrics of the function this runs in. */
  public static Metrics ofThisFunction() {
    return LAMBDA;
  }

  /** Records {@code value} of the count {@code name} (a metric name, never personal data). */
  public void count(String name, long value) {
    if (functionName == null || functionName.isBlank()) {
      return;
    }
    var directive = Map.of("Namespace", NAMESPACE, "Dimensions", List.of(List.of("FunctionName")),
        "Metrics", List.of(Map.of("Name", name, "Unit", "Count")));
    var line = new LinkedHashMap<String, Object>();
    line.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
    line.put("FunctionName", functionName);
    line.put(name, value);
    out.println(Json.write(line));
  }
}
