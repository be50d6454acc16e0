package org.mediaartscities.applications.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;
import software.amazon.awssdk.services.s3.S3Client;

/** Streaming an object of unknown length to the local S3: in parts when large, in one request when small. */
class S3UploadStreamTest {

  private static S3Client s3;
  private static String bucket;

  @BeforeAll
  static void deploy() {
    var deployment = LocalDeployment.forTests(S3UploadStreamTest.class);
    s3 = deployment.aws().clients().s3();
    bucket = deployment.name("ApplicationsBucket");
  }

  @Test
  void aLargeObjectIsUploadedInPartsAndReadsBackWhole() {
    byte[] bytes = new byte[S3UploadStream.PART_SIZE * 2 + 12345];
    new Random(7).nextBytes(bytes);
    var upload = new S3UploadStream(s3, bucket, "exports/test/large.zip", "application/zip");
    for (int offset = 0; offset < bytes.length; offset += 100_000) {
      upload.write(bytes, offset, Math.min(100_000, bytes.length - offset));
    }
    upload.close();

    assertThat(upload.size()).isEqualTo(bytes.length);
    assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("exports/test/large.zip")).asByteArray())
        .isEqualTo(bytes);
  }

  @Test
  void anAbortedUploadLeavesNoObject() {
    var upload = new S3UploadStream(s3, bucket, "exports/test/aborted.zip", "application/zip");
    upload.write(new byte[S3UploadStream.PART_SIZE + 1], 0, S3UploadStream.PART_SIZE + 1);
    upload.abort();

    assertThat(s3.listObjectsV2(r -> r.bucket(bucket).prefix("exports/test/aborted")).contents()).isEmpty();
  }
}
