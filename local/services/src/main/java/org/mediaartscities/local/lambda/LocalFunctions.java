package org.mediaartscities.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.mediaartscities.local.template.LocalResolver;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.shared.env.Env;

/**
 * The template's functions, run in this JVM as Lambda runs them: the handler class named by {@code Handler},
 * constructed once with the function's own {@code Environment} (resolved), then invoked with a fresh context.
 */
public final class LocalFunctions {

  private final Template template;
  private final LocalResolver resolver;
  private final Map<String, String> awsEnvironment;
  private final LocalSecretsExtension secretsExtension;
  private final Map<String, Deployed> deployed = new ConcurrentHashMap<>();

  private record Deployed(RequestHandler<Object, Object> handler, Map<String, String> environment, int timeout,
                          int memory) {}

  /**
   * @param awsEnvironment region, credentials and endpoints of the local services
   * @param secretsExtension what the functions that attach a layer (the Parameters and Secrets extension) reach
   */
  public LocalFunctions(Template template, LocalResolver resolver, Map<String, String> awsEnvironment,
      LocalSecretsExtension secretsExtension) {
    this.template = template;
    this.resolver = resolver;
    this.awsEnvironment = awsEnvironment;
    this.secretsExtension = secretsExtension;
  }

  /** Invokes a function with an event, as Lambda would. */
  @SuppressWarnings("unchecked")
  public <O> O invoke(String functionId, Object event) {
    Deployed function = deployed.computeIfAbsent(functionId, this::deploy);
    var context = new LocalContext(functionId, UUID.randomUUID().toString(), function.timeout(), function.memory());
    return ScopedValue.where(Env.SCOPED, function.environment())
        .call(() -> (O) function.handler().handleRequest(event, context));
  }

  /** The function's resolved environment, as its handler sees it. */
  public Map<String, String> environment(String functionId) {
    Map<String, String> environment = resolver.functionEnvironment(functionId, awsEnvironment);
    // Only a function that attaches the extension's layer can reach it on Lambda: the same here.
    if (template.functionProperties(functionId).get("Layers") != null) {
      environment.putAll(secretsExtension.environment(functionId));
    }
    return environment;
  }

  /**
   * Runs {@code init} as Lambda runs the function's init: with its variables, while the secrets extension answers it
   * "not ready" (it serves the invocation phase only). Tests construct and prime handlers through it.
   */
  public <T> T duringInit(String functionId, Supplier<T> init) {
    return duringInit(functionId, Map.of(), init);
  }

  /** The same, with {@code lambdaVariables} added, as Lambda adds its own (AWS_LAMBDA_INITIALIZATION_TYPE). */
  public <T> T duringInit(String functionId, Map<String, String> lambdaVariables, Supplier<T> init) {
    Map<String, String> environment = environment(functionId);
    environment.putAll(lambdaVariables);
    return secretsExtension.duringInit(functionId, () -> ScopedValue.where(Env.SCOPED, environment).call(init::get));
  }

  @SuppressWarnings("unchecked")
  private Deployed deploy(String functionId) {
    Map<String, String> environment = environment(functionId);
    String className = template.handlerClass(functionId);
    try {
      var constructor = Class.forName(className).getConstructor();
      RequestHandler<Object, Object> handler = duringInit(functionId, () -> {
        try {
          return (RequestHandler<Object, Object>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("Cannot construct " + className + " for " + functionId + ": " + e, e);
        }
      });
      Map<String, Object> properties = template.functionProperties(functionId);
      return new Deployed(handler, environment, number(properties.get("Timeout"), 3),
          number(properties.get("MemorySize"), 128));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("No public no-argument constructor of " + className + " for " + functionId
          + ": " + e, e);
    }
  }

  private int number(Object value, int fallback) {
    return value == null ? fallback : Integer.parseInt(resolver.string(value));
  }
}
