package org.mediaartscities.local.aws;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** DynamoDB Local, AWS's own emulator, serving HTTP in this JVM. */
final class EmbeddedDynamoDb implements AutoCloseable {

  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private EmbeddedDynamoDb(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.endpoint = URI.create("http://127.0.0.1:" + port);
  }

  /** @param dataDir where tables persist, or null to keep them in memory */
  static EmbeddedDynamoDb start(Path dataDir) throws Exception {
    int port = FreePort.find();
    String[] storage;
    if (dataDir == null) {
      storage = new String[] {"-inMemory"};
    } else {
      Files.createDirectories(dataDir);
      storage = new String[] {"-dbPath", dataDir.toString()};
    }
    // -sharedDb: one database whatever the credentials; -disableTelemetry: offline, and no file in the cwd.
    String[] common = {"-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"};
    String[] args = new String[common.length + storage.length];
    System.arraycopy(common, 0, args, 0, common.length);
    System.arraycopy(storage, 0, args, common.length, storage.length);
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args);
    server.start();
    return new EmbeddedDynamoDb(server, port);
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
