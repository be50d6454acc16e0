package org.mediaartscities.shared.snapstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import org.mediaartscities.shared.env.Env;

/**
 * The {@link Context} a priming invokes its handler with, before any invocation: the runtime's logger (JSON on
 * Lambda, as the handler's own lines), the function's name from the runtime's variables, and a request id that says
 * it is priming.
 */
record PrimingContext(String function) implements Context {

  static final String REQUEST_ID = "snapstart-priming";

  @Override
  public String getAwsRequestId() {
    return REQUEST_ID;
  }

  @Override
  public String getLogGroupName() {
    return Env.optional("AWS_LAMBDA_LOG_GROUP_NAME").orElse(null);
  }

  @Override
  public String getLogStreamName() {
    return Env.optional("AWS_LAMBDA_LOG_STREAM_NAME").orElse(null);
  }

  @Override
  public String getFunctionName() {
    return Env.optional("AWS_LAMBDA_FUNCTION_NAME").orElse(function);
  }

  @Override
  public String getFunctionVersion() {
    return Env.optional("AWS_LAMBDA_FUNCTION_VERSION").orElse("$LATEST");
  }

  @Override
  public String getInvokedFunctionArn() {
    return null;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  // Snapshot creation allows the init its full time (up to 15 minutes); a handler that checks what is left sees plenty.
  @Override
  public int getRemainingTimeInMillis() {
    return 60_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return Integer.parseInt(Env.optional("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").orElse("1024"));
  }

  @Override
  public LambdaLogger getLogger() {
    return LambdaRuntime.getLogger();
  }
}
