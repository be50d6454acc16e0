package org.mediaartscities.local.aws;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/** S3Proxy: an S3-compatible server that checks SigV4 signatures, presigned URLs included. */
final class EmbeddedS3 implements AutoCloseable {

  private final S3Proxy proxy;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** @param dataDir where objects persist, or null to keep them in memory */
  static EmbeddedS3 start(Path dataDir, String accessKey, String secretKey) throws Exception {
    BlobStore store;
    if (dataDir == null) {
      store = new TransientNio2BlobStore();
    } else {
      Files.createDirectories(dataDir);
      store = new FilesystemNio2BlobStore(dataDir.toString());
    }
    URI endpoint = URI.create("http://127.0.0.1:" + FreePort.find());
    S3Proxy proxy = S3Proxy.builder()
        .blobStore(store)
        .endpoint(endpoint)
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
        .ignoreUnknownHeaders(true)
        // The local site's pages upload to presigned URLs from their own origin, as the buckets' CORS rules allow on
        // AWS (template.yaml, FrontendOrigins). S3Proxy has one rule for every bucket, and serves loopback only.
        .corsRules(new CrossOriginResourceSharing(List.of("*"), List.of("PUT"), List.of("*"), List.of("ETag"), "false"))
        .stopTimeout(0)
        .build();
    proxy.start();
    while (!"STARTED".equals(proxy.getState())) {
      Thread.sleep(10);
    }
    return new EmbeddedS3(proxy, endpoint);
  }

  URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
