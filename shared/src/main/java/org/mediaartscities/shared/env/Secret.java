package org.mediaartscities.shared.env;

import java.util.function.Function;
import java.util.function.Supplier;
import org.mediaartscities.shared.lang.OnFirstUse;

/**
 * A secret's value, read when it is first needed and then kept, and what is made of it (a key, a keyed MAC). A read
 * that fails is not kept: the next use tries again.
 *
 * <p>Why not at init: the AWS Parameters and Secrets Lambda Extension, which {@link Secrets} reads through, answers
 * in the invocation phase only ("The extension can be invoked only during the INVOKE phase", AWS Systems Manager user
 * guide, "Using Parameter Store parameters in AWS Lambda functions"; during init it answers 400 "not ready to serve
 * traffic"). Read in a request, the value is also never part of a SnapStart snapshot.
 */
public final class Secret {

  private final OnFirstUse<String> value;

  private Secret(Supplier<String> reader) {
    this.value = OnFirstUse.of(reader);
  }

  /** A secret {@code reader} reads on its first use ({@link Secrets} reads through the extension). */
  public static Secret readOnFirstUse(Supplier<String> reader) {
    return new Secret(reader);
  }

  /** A secret whose value is known: tests, and priming, which must never wait for the real one. */
  public static Secret of(String value) {
    return new Secret(() -> value);
  }

  /** The value, read on the first call. */
  public String value() {
    return value.get();
  }

  /**
   * What {@code make} makes of the value, made on the first call and then kept (a failure is not kept). For what is
   * costly to make again on every request: a derived key, a keyed {@code Mac}.
   */
  public <T> Supplier<T> derived(Function<String, T> make) {
    return OnFirstUse.of(() -> make.apply(value()));
  }
}
