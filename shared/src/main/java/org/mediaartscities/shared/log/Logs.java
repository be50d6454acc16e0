package org.mediaartscities.shared.log;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Logging through the Lambda runtime's logger.
 *
 * <p>With {@code LoggingConfig: LogFormat: JSON} (template.yaml) the runtime writes each line as a JSON object
 * carrying the level and the invocation's request id; the dev server's logger does the same. A logging framework
 * would add its start-up to every cold start for nothing more. Never pass personal data (emails, names, tokens).
 */
public final class Logs {

  private Logs() {}

  public static void info(Context context, String message) {
    context.getLogger().log(message, LogLevel.INFO);
  }

  public static void warn(Context context, String message) {
    context.getLogger().log(message, LogLevel.WARN);
  }

  /** An unexpected failure, with its stack trace in the same log event. */
  public static void error(Context context, String message, Throwable error) {
    var trace = new StringWriter();
    error.printStackTrace(new PrintWriter(trace));
    context.getLogger().log(message + "\n" + trace, LogLevel.ERROR);
  }
}
