package org.mediaartscities.local.server;

import java.nio.file.Path;
import org.mediaartscities.local.RepoPaths;

/**
 * The dev server's command line.
 *
 * @param dataDir where data persists across restarts; null with {@code --in-memory}
 * @param reset start empty and seed again
 * @param sampleItems seed the sample items (news, events, calls...) besides the cities; false starts from the 22
 *     cities and nothing else, as a new deployment does
 */
record DevOptions(int port, Path dataDir, boolean reset, boolean sampleItems) {

  DevOptions(int port, Path dataDir, boolean reset) {
    this(port, dataDir, reset, true);
  }

  static final String USAGE = """
      Usage: ./dev run [--port N] [--in-memory] [--reset] [--no-sample-items] [--data-dir DIR]
        --port N        serve the API on http://localhost:N (default 3000)
        --in-memory     keep nothing: every start begins from the sample data
        --reset         delete the local data and start again from the sample data
        --no-sample-items  start with the 22 cities and no items, as a new deployment (with --in-memory or --reset)
        --data-dir DIR  where local data persists (default .local/ in the repository, ignored by git)""";

  static DevOptions parse(String... args) {
    int port = 3000;
    Path dataDir = RepoPaths.root().resolve(".local");
    boolean inMemory = false;
    boolean reset = false;
    boolean sampleItems = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--in-memory" -> inMemory = true;
        case "--reset" -> reset = true;
        case "--no-sample-items" -> sampleItems = false;
        case "--data-dir" -> dataDir = Path.of(value(args, ++i, "--data-dir")).toAbsolutePath();
        default -> throw new IllegalArgumentException("Unknown option " + args[i] + "\n" + USAGE);
      }
    }
    return new DevOptions(port, inMemory ? null : dataDir, reset, sampleItems);
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[index];
  }
}
