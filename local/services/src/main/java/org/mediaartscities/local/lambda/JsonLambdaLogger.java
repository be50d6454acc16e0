package org.mediaartscities.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.mediaartscities.shared.json.Json;

/** Writes log events as Lambda does with {@code LogFormat: JSON}: one JSON object a line, with the request id. */
final class JsonLambdaLogger implements LambdaLogger {

  private final PrintStream out;
  private final String functionName;
  private final String requestId;

  JsonLambdaLogger(PrintStream out, String functionName, String requestId) {
    this.out = out;
    this.functionName = functionName;
    this.requestId = requestId;
  }

  @Override
  public void log(String message) {
    log(message, LogLevel.INFO);
  }

  @Override
  public void log(byte[] message) {
    log(new String(message, StandardCharsets.UTF_8), LogLevel.INFO);
  }

  @Override
  public void log(String message, LogLevel level) {
    var event = new LinkedHashMap<String, Object>();
    event.put("timestamp", Instant.now().toString());
    event.put("level", level == LogLevel.UNDEFINED ? "INFO" : level.name());
    event.put("function", functionName);
    event.put("requestId", requestId);
    event.put("message", message);
    out.println(Json.write(event));
  }
}
