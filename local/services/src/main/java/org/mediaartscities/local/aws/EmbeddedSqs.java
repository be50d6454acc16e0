package org.mediaartscities.local.aws;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/** ElasticMQ: an SQS-compatible queue server. Queues live in memory; the dev server recreates them at start. */
final class EmbeddedSqs implements AutoCloseable {

  private final SQSRestServer server;
  private final URI endpoint;

  private EmbeddedSqs(SQSRestServer server, URI endpoint) {
    this.server = server;
    this.endpoint = endpoint;
  }

  static EmbeddedSqs start(String region) {
    int port = FreePort.find();
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port).withAWSRegion(region)
        .start();
    server.waitUntilStarted();
    return new EmbeddedSqs(server, URI.create("http://127.0.0.1:" + port));
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    server.stopAndWait();
  }
}
