package org.mediaartscities.local.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mediaartscities.local.RepoPaths;

/** Where ../shared/aws-sam is, or a clean skip when the folder beside the repository is absent. */
final class TemplateChecks {

  private TemplateChecks() {}

  static Path samFile(String name) {
    Path file = RepoPaths.sharedFolder().resolve("aws-sam").resolve(name);
    assumeTrue(Files.isRegularFile(file), "Skipped: " + file + " is absent; the SAM schema and policy templates"
        + " come from the shared folder beside the repository (../shared/aws-sam).");
    return file;
  }
}
