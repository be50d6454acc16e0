package org.mediaartscities.local.server;

/** Starts the dev server from other tools (the load benchmark), as {@code ./dev run --in-memory} on a free port. */
public final class DevServerLauncher {

  private DevServerLauncher() {}

  public static DevServer startInMemory() {
    return DevServer.start(new DevOptions(0, null, false));
  }

  /** An admin's token for that server, valid for an hour. */
  public static String adminToken(DevServer server) {
    return server.tokens().issue("admin", null, java.time.Duration.ofHours(1), null);
  }
}
