package org.mediaartscities.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's own files are, for the dev server and for tests run from any module. */
public final class RepoPaths {

  private RepoPaths() {}

  /**
   * The repository root: the {@code repo.root} system property (set by ./dev and the build), else the nearest
   * folder upwards from the working directory that holds template.yaml.
   */
  public static Path root() {
    String configured = System.getProperty("repo.root");
    if (configured != null && Files.isRegularFile(Path.of(configured, "template.yaml"))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Cannot find template.yaml above " + Path.of("").toAbsolutePath());
  }

  public static Path template() {
    return root().resolve("template.yaml");
  }

  public static Path events() {
    return root().resolve("events");
  }

  /** The folder beside the repository that holds shared material (SAM schema...), which may be absent. */
  public static Path sharedFolder() {
    return root().getParent().resolve("shared");
  }
}
