package org.mediaartscities.applications.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes an S3 object of unknown length as it is produced, in parts of {@link #PART_SIZE}: a call's ZIP can hold
 * gigabytes, more than a Lambda function's memory or disk. Small objects are put in one request. {@link #abort()}
 * discards what was uploaded; {@link #close()} completes the object.
 */
final class S3UploadStream extends OutputStream {

  /** S3's smallest part but the last is 5 MiB; 8 MiB keeps the number of requests low at a small memory cost. */
  static final int PART_SIZE = 8 * 1024 * 1024;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final String contentType;
  private final byte[] buffer = new byte[PART_SIZE];
  private final List<CompletedPart> parts = new ArrayList<>();
  private int buffered;
  private long written;
  private String uploadId;
  private boolean closed;

  S3UploadStream(S3Client s3, String bucket, String key, String contentType) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.contentType = contentType;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    while (length > 0) {
      int chunk = Math.min(length, PART_SIZE - buffered);
      System.arraycopy(bytes, offset, buffer, buffered, chunk);
      buffered += chunk;
      offset += chunk;
      length -= chunk;
      written += chunk;
      if (buffered == PART_SIZE) {
        uploadPart();
      }
    }
  }

  /** How many bytes were written so far. */
  long size() {
    return written;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (uploadId == null) {
      s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType),
          RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, buffered)));
      return;
    }
    if (buffered > 0) {
      uploadPart();
    }
    s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
        .multipartUpload(m -> m.parts(parts)));
  }

  /** Gives up: the parts uploaded so far are deleted and no object appears. */
  void abort() {
    closed = true;
    if (uploadId != null) {
      s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
    }
  }

  private void uploadPart() {
    if (uploadId == null) {
      uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key).contentType(contentType)).uploadId();
    }
    int number = parts.size() + 1;
    String etag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
        RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, buffered))).eTag();
    parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    buffered = 0;
  }
}
