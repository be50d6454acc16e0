package org.mediaartscities.local.server;

import java.lang.reflect.Field;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * Runs in a fresh JVM on one function's Lambda jar: constructs its handler as Lambda does (which registers its
 * priming), runs the priming as SnapStart would before the snapshot, and prints {@code PRIMED ok} or the failure.
 */
public final class PrimingProbe {

  private PrimingProbe() {}

  public static void main(String[] args) throws Exception {
    Object handler = Class.forName(args[0]).getConstructor().newInstance();
    Priming priming = null;
    for (Field field : handler.getClass().getDeclaredFields()) {
      if (Priming.class.isAssignableFrom(field.getType())) {
        field.setAccessible(true);
        priming = (Priming) field.get(handler);
      }
    }
    if (priming == null) {
      System.out.println("PRIMED none: " + args[0] + " holds no priming");
    } else {
      priming.beforeCheckpoint(null);
      Throwable failure = priming.failure();
      if (failure == null) {
        System.out.println("PRIMED ok");
      } else {
        failure.printStackTrace(System.out);
        System.out.println("PRIMED failed: " + failure);
      }
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }
}
