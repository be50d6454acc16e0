package org.mediaartscities.shared.snapstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.crac.Core;
import org.crac.Resource;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.env.Secret;
import org.mediaartscities.shared.log.Logs;

/**
 * A function's SnapStart hooks (docs/PERFORMANCE.md, "SnapStart"). Before Lambda snapshots a published version,
 * {@link #prime()} runs the function's real request path once, on a request that reads a key that cannot exist and
 * writes nothing, so that the snapshot holds its classes loaded and initialised, its clients' credentials and
 * connection set-up done; after each restore, {@link #refresh()} gives back what must differ between the instances
 * restored from one snapshot (random sources). Where no snapshot is taken, {@link #register()} runs the same priming
 * at init instead.
 *
 * <p>Each function has one subclass, next to its handler, which the handler's public no-argument constructor (the one
 * Lambda calls) registers with {@link #register()} and keeps in a field: the runtime's CRaC context holds resources
 * only weakly (aws-lambda-java-libs, {@code crac/ContextImpl}: a {@code WeakHashMap}; org.crac's own wrapper is a
 * {@code WeakReference}), so a resource that nothing else references is collected before the snapshot.
 */
public abstract class Priming implements Resource {

  private static final String RUNTIME_SERIALIZERS =
      "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";
  private static final String POJO_SERIALIZER = "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer";
  /**
   * A valid slug longer than any stored one (the admin function cuts slugs at 80 characters): the key of an item, a
   * call or a city that priming reads and cannot find.
   */
  public static final String IMPOSSIBLE_SLUG = "snapstart-priming-" + "0".repeat(72);
  /**
   * Keys priming's own codecs and signers: the function's secrets are read in requests only (the secrets extension
   * serves none during init, {@link org.mediaartscities.shared.env.Secret}), so priming runs the same cryptography
   * under a key that signs nothing anyone receives.
   */
  public static final Secret SECRET = Secret.of("snapstart-priming-" + "0".repeat(46));
  /** Set by Lambda in every execution environment: on-demand, provisioned-concurrency or snap-start. */
  static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";

  private final String function;
  private volatile Throwable failure;

  /** @param function the function's logical id in template.yaml, for the log */
  protected Priming(String function) {
    this.function = function;
  }

  /**
   * Registers these hooks with the runtime, and primes at once where no snapshot will be taken; returns them, for the
   * handler to keep (see the class comment). Which case applies is Lambda's {@value #INITIALIZATION_TYPE}:
   * <ul>
   *   <li>{@code on-demand} (SnapStart off, or {@code $LATEST}): the request path runs once now. Lambda gives init a
   *   full vCPU and an invocation only its memory's share of one (docs/PERFORMANCE.md), so the classes and the
   *   connection the first request needs cost less here than in it. The clients left to their first use stay so.
   *   <li>{@code provisioned-concurrency}: init is on no request's path, so all a snapshot would hold is done now.
   *   <li>{@code snap-start}: nothing now; {@link #beforeCheckpoint} runs before the snapshot.
   *   <li>unset (the local dev server, tests): nothing.
   * </ul>
   */
  public final Priming register() {
    Core.getGlobalContext().register(this);
    switch (Env.optional(INITIALIZATION_TYPE).orElse("")) {
      case "on-demand" -> primeAtInit(false);
      case "provisioned-concurrency" -> primeAtInit(true);
      default -> { }
    }
    return this;
  }

  private void primeAtInit(boolean everyClient) {
    failure = null;
    step("Priming at init", "its first request runs unprimed", this::prime);
    if (everyClient) {
      step("Building the clients at init", "each is built on its first use", LazyClients::buildAll);
    }
  }

  /** Runs the request path once, writing and sending nothing. */
  protected abstract void prime() throws Exception;

  /** Re-creates what a restored instance must not share with the others (the secret tokens' source is done here). */
  protected void refresh() {}

  /**
   * Never fails: a priming that fails must not fail the snapshot (the runtime would refuse to publish the version),
   * since the function still works unprimed, only slower on its first request. The failure is logged as a WARN,
   * with its type only (a message could carry data), and kept for {@link #failure()}.
   */
  @Override
  public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    failure = null;
    step("SnapStart priming", "the snapshot is taken without it", this::prime);
    // Clients built on first use (LazyClients) are built now: a restored instance finds every one ready.
    step("SnapStart building its clients", "the snapshot is taken without them", LazyClients::buildAll);
  }

  private interface Step {
    void run() throws Exception;
  }

  private void step(String what, String consequence, Step step) {
    try {
      step.run();
    } catch (Exception | LinkageError e) {
      failure = failure == null ? e : failure;
      Logs.warn(context(), what + " of " + function + " failed (" + e.getClass().getName() + "); " + consequence);
    }
  }

  /**
   * Fails if a random source cannot be replaced: an instance that would reuse another's random sequence must not
   * serve.
   */
  @Override
  public final void afterRestore(org.crac.Context<? extends Resource> context) {
    SecretTokens.refreshRandomness();
    refresh();
  }

  /** What failed first in the last priming, or null if it ran through. */
  public final Throwable failure() {
    return failure;
  }

  /** The Lambda context priming runs in: there is no invocation yet, so its request id says what it is. */
  protected final Context context() {
    return new PrimingContext(function);
  }

  /**
   * A sample event packaged with the function ({@code snapstart/<name>}, from {@code events/}), deserialised as
   * the runtime deserialises events: with the runtime's own serialisers where they are on the class path (on Lambda
   * they come with the runtime, so its first event finds them loaded), else with the function's Jackson.
   */
  protected final <T> T sample(String name, Class<T> type) {
    return parse(read(name), type);
  }

  /**
   * The HTTP API sample {@code name}, readdressed to {@code rawPath} with its one path parameter set to
   * {@code value}: the route the sample takes, on a key no stored record can have.
   */
  protected final APIGatewayV2HTTPEvent request(String name, String rawPath, String parameter, String value) {
    APIGatewayV2HTTPEvent event = sample(name, APIGatewayV2HTTPEvent.class);
    event.setRawPath(rawPath);
    event.getRequestContext().getHttp().setPath(rawPath);
    event.setPathParameters(Map.of(parameter, value));
    return event;
  }

  /** The bytes of a resource packaged with the function under {@code snapstart/}. */
  protected final byte[] read(String name) {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("snapstart/" + name)) {
      if (in == null) {
        throw new IllegalStateException("snapstart/" + name + " is not packaged with " + function);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T parse(byte[] json, Class<T> type) {
    ClassLoader loader = getClass().getClassLoader();
    Object serializer;
    try {
      serializer = Class.forName(RUNTIME_SERIALIZERS, true, loader).getMethod("serializerFor", Class.class,
          ClassLoader.class).invoke(null, type, loader);
    } catch (ReflectiveOperationException | LinkageError e) {
      return jackson(json, type); // not on this class path: only the function's own parsing can be primed
    }
    try {
      return type.cast(Class.forName(POJO_SERIALIZER, true, loader).getMethod("fromJson", InputStream.class)
          .invoke(serializer, new ByteArrayInputStream(json)));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("The runtime's serialiser refused the sample " + type.getSimpleName(), e);
    }
  }

  // Events name their fields as AWS sends them ("Records", "Sns"), not as their setters: matched case-insensitively.
  // Types Jackson cannot build without the runtime's mix-ins (S3 events) fail here, and the priming with them.
  private static <T> T jackson(byte[] json, Class<T> type) {
    try {
      return JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build().readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
