package org.mediaartscities.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where a function's Lambda jar is, as its module's Makefile tells {@code sam build}: the one place that says which
 * of a module's jars a function ships ({@code $(call lambda_jar,<artifact>,<module>,<classifier>)}).
 */
public final class LambdaArtifacts {

  private static final Pattern CALL = Pattern.compile("\\$\\(call lambda_jar,([^,\\s]+),([^,\\s]+),([^,\\s)]+)\\)");

  private LambdaArtifacts() {}

  /**
   * The jar {@code function}'s Makefile target copies, from the module at {@code module} (its CodeUri).
   *
   * @throws IllegalStateException when the Makefile has no such target or the module is not packaged
   */
  public static Path jar(Path module, String function) {
    String makefile;
    try {
      makefile = Files.readString(module.resolve("Makefile"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int target = makefile.indexOf("build-" + function + ":");
    if (target < 0) {
      throw new IllegalStateException(module + "/Makefile has no target build-" + function);
    }
    var call = CALL.matcher(makefile);
    if (!call.find(target)) {
      throw new IllegalStateException(module + "/Makefile: build-" + function + " calls no lambda_jar");
    }
    String prefix = call.group(1) + "-";
    String suffix = "-" + call.group(3) + ".jar";
    try (Stream<Path> files = Files.list(module.resolve("target"))) {
      return files.map(f -> f.getFileName().toString())
          .filter(name -> name.startsWith(prefix) && name.endsWith(suffix) && versionOnly(name, prefix, suffix))
          .map(name -> module.resolve("target").resolve(name))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No " + prefix + "*" + suffix + " in " + module
              + "/target: run ./dev package"));
    } catch (IOException e) {
      throw new IllegalStateException("No " + module + "/target: run ./dev package", e);
    }
  }

  // Between the artifact and the classifier stands the version alone (0.1.0-SNAPSHOT): no other classifier.
  private static boolean versionOnly(String name, String prefix, String suffix) {
    String version = name.substring(prefix.length(), name.length() - suffix.length());
    return version.matches("\\d+(\\.\\d+)*(-SNAPSHOT)?");
  }
}
