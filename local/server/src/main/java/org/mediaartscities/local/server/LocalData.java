package org.mediaartscities.local.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.mediaartscities.local.LocalBackup;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.local.aws.LocalAws;
import org.mediaartscities.local.template.LocalSecrets;

/**
 * {@code ./dev backup DIR} and {@code ./dev restore DIR}: the local data (.local/, as ./dev run keeps it) written to a
 * folder, and put back from one. Run them while ./dev run is stopped: the data files are the server's while it runs.
 */
public final class LocalData {

  private LocalData() {}

  public static void main(String[] args) {
    if (args.length < 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
      System.err.println("Usage: ./dev backup DIR | ./dev restore DIR [--data-dir DIR]");
      System.exit(2);
    }
    Path folder = Path.of(args[1]).toAbsolutePath();
    Path dataDir = args.length >= 4 && args[2].equals("--data-dir") ? Path.of(args[3]).toAbsolutePath()
        : RepoPaths.root().resolve(".local");
    int status = 0;
    try {
      if (args[0].equals("restore")) {
        if (!Files.isRegularFile(folder.resolve("manifest.json"))) {
          throw new IllegalArgumentException(folder + " holds no backup (no manifest.json)");
        }
        // A restore gives back the backup's state, not a mix: the local data starts empty.
        DevServer.deleteRecursively(dataDir.resolve("dynamodb"));
        DevServer.deleteRecursively(dataDir.resolve("s3"));
      }
      try (LocalAws aws = LocalAws.start(dataDir)) {
        LocalDeployment deployment = LocalDeployment.deploy(RepoPaths.template(), aws, Map.of(),
            new LocalSecrets(dataDir.resolve("secrets.properties")), "");
        var backup = new LocalBackup(deployment);
        LocalBackup.Contents contents = args[0].equals("backup") ? backup.backup(folder) : backup.restore(folder);
        System.out.println((args[0].equals("backup") ? "Backed up to " : "Restored from ") + folder + ": "
            + contents.items() + " items, " + contents.objects() + " objects");
      }
    } catch (RuntimeException e) {
      System.err.println(args[0] + " failed: " + e.getMessage());
      status = 1;
    }
    Runtime.getRuntime().halt(status); // DynamoDB Local leaves non-daemon threads behind
  }
}
