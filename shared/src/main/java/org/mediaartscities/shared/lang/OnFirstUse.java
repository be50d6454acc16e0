package org.mediaartscities.shared.lang;

import java.util.function.Supplier;

/**
 * A value made by its factory on the first {@link #get()} and kept; a factory that throws keeps nothing, so the next
 * call tries again. For what a function must not make at init (a client no route of its first request needs, a
 * secret the extension serves only in requests) and must not make twice.
 */
public final class OnFirstUse<T> implements Supplier<T> {

  private final Supplier<T> factory;
  private volatile T made;

  private OnFirstUse(Supplier<T> factory) {
    this.factory = factory;
  }

  public static <T> OnFirstUse<T> of(Supplier<T> factory) {
    return new OnFirstUse<>(factory);
  }

  @Override
  public T get() {
    T known = made;
    if (known == null) {
      synchronized (this) {
        known = made;
        if (known == null) {
          known = factory.get();
          made = known;
        }
      }
    }
    return known;
  }
}
