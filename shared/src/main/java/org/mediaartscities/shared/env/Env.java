package org.mediaartscities.shared.env;

import java.util.Map;
import java.util.Optional;

/**
 * The function's environment variables, read in this one place.
 *
 * <p>On Lambda they come from the process environment. The local dev server runs every function in one JVM,
 * each with its own variables from {@code template.yaml}, so it binds {@link #SCOPED} while it constructs a
 * handler; handlers read their configuration once, at construction.
 */
public final class Env {

  /** Variables bound by the local dev server for the handler being constructed; unbound on Lambda. */
  public static final ScopedValue<Map<String, String>> SCOPED = ScopedValue.newInstance();

  private Env() {}

  /** The variable's value, if set and not blank. */
  public static Optional<String> optional(String name) {
    String value = SCOPED.isBound() ? SCOPED.get().get(name) : System.getenv(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** The variable's value; a missing one is a deployment mistake, reported by name at init. */
  public static String required(String name) {
    return optional(name).orElseThrow(() -> new IllegalStateException("Environment variable " + name + " is not set"));
  }
}
