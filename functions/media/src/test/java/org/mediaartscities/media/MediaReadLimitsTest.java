package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.lambda.LocalContext;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Media;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The media function reads no more than it was told to expect, and only the object its event announced: the size
 * comes from the event, the read is bound to the event's ETag and stops one byte past the announced size.
 */
class MediaReadLimitsTest {

  private static LocalDeployment deployment;
  private static S3Client s3;
  private static String bucket;
  private static ContentStore store;
  private static ContentRepository repository;

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(MediaReadLimitsTest.class, Map.of());
    s3 = deployment.aws().clients().s3();
    bucket = deployment.name("MediaBucket");
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    var table = client.table(deployment.name("ContentTable"), ContentRow.SCHEMA);
    store = new ContentStore(client, table);
    repository = new ContentRepository(table);
  }

  @Test
  void anObjectLargerThanAnnouncedIsRejectedWithoutReadingIt() throws Exception {
    byte[] photo = MediaUploadTest.image(800, 600, false, "jpg");
    Media media = pending(photo.length);
    byte[] oversized = Arrays.copyOf(photo, photo.length + 5 * 1024 * 1024);
    S3Event event = put(media, oversized);
    var read = new AtomicLong();

    handler(read).handleRequest(event, new LocalContext("MediaFunction", "test", 60, 2048));

    Media decided = repository.media(media.id()).orElseThrow();
    assertThat(decided.status()).isEqualTo(Media.Status.REJECTED);
    assertThat(decided.reason()).contains(oversized.length + " bytes");
    assertThat(read.get()).as("bytes read").isZero();
    assertThat(keys(media)).isEmpty();
  }

  @Test
  void readingStopsOneBytePastTheAnnouncedSizeWhateverTheEventSays() throws Exception {
    byte[] photo = MediaUploadTest.image(800, 600, false, "jpg");
    Media media = pending(photo.length);
    byte[] oversized = Arrays.copyOf(photo, photo.length + 5 * 1024 * 1024);
    S3Event honest = put(media, oversized);
    // An event that names the object but understates its size: the read itself is bounded.
    var object = honest.getRecords().getFirst().getS3().getObject();
    S3Event understated = event(media.uploadKey(), photo.length, object.geteTag());
    var read = new AtomicLong();

    handler(read).handleRequest(understated, new LocalContext("MediaFunction", "test", 60, 2048));

    Media decided = repository.media(media.id()).orElseThrow();
    assertThat(decided.status()).isEqualTo(Media.Status.REJECTED);
    assertThat(decided.reason()).contains("more bytes");
    assertThat(read.get()).as("bytes read").isLessThanOrEqualTo(photo.length + 1L);
  }

  @Test
  void anObjectReplacedBetweenItsEventAndTheReadIsNotMarkedReady() throws Exception {
    byte[] photo = MediaUploadTest.image(800, 600, false, "jpg");
    Media media = pending(photo.length);
    S3Event checked = put(media, photo);
    byte[] replacement = photo.clone();
    replacement[photo.length / 2] ^= 0x5A; // same size, other bytes
    put(media, replacement);

    deployment.functions().invoke("MediaFunction", checked);

    Media after = repository.media(media.id()).orElseThrow();
    assertThat(after.status()).as("the stale event decides nothing").isEqualTo(Media.Status.PENDING);
    assertThat(after.renditions()).isEmpty();
    assertThat(keys(media)).containsExactly(media.uploadKey());
  }

  private static Media pending(long size) {
    String id = UUID.randomUUID().toString();
    Media media = new Media(id, Media.Status.PENDING, "image/jpeg", size, "photo.jpg", "uploads/" + id + ".jpg",
        "lyon", "editor-lyon", Instant.now(), null, null);
    store.putMedia(media);
    return media;
  }

  /** Puts the bytes at the media's upload key and returns the event S3 would send for them. */
  private static S3Event put(Media media, byte[] bytes) {
    String eTag = s3.putObject(r -> r.bucket(bucket).key(media.uploadKey()), RequestBody.fromBytes(bytes)).eTag();
    return event(media.uploadKey(), bytes.length, eTag.replace("\"", ""));
  }

  private static S3Event event(String key, long size, String eTag) {
    var entity = new S3EventNotification.S3Entity("UploadCreated",
        new S3EventNotification.S3BucketEntity(bucket, new S3EventNotification.UserIdentityEntity("test"),
            "arn:aws:s3:::" + bucket),
        new S3EventNotification.S3ObjectEntity(key, size, eTag, null, "0"), "1.0");
    return new S3Event(List.of(new S3EventNotification.S3EventNotificationRecord("eu-west-3", "ObjectCreated:Put",
        "aws:s3", Instant.now().toString(), "2.1", new S3EventNotification.RequestParametersEntity("127.0.0.1"),
        new S3EventNotification.ResponseElementsEntity("test", "test"), entity,
        new S3EventNotification.UserIdentityEntity("test"))));
  }

  /** The real handler on the local services, with an S3 client that counts the object bytes it hands out. */
  private static MediaHandler handler(AtomicLong read) {
    S3Client counting = (S3Client) Proxy.newProxyInstance(S3Client.class.getClassLoader(),
        new Class<?>[] {S3Client.class}, (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(s3, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof ResponseInputStream<?> stream) {
            return new ResponseInputStream<>(stream.response(), AbortableInputStream.create(new Counting(stream, read),
                stream::abort));
          }
          return result;
        });
    return new MediaHandler(new MediaConfig(repository, store, counting, InstantSource.system()));
  }

  private static final class Counting extends FilterInputStream {
    private final AtomicLong count;

    Counting(InputStream in, AtomicLong count) {
      super(in);
      this.count = count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count.addAndGet(n);
      }
      return n;
    }
  }

  private static List<String> keys(Media media) {
    return s3.listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key())
        .filter(key -> key.contains(media.id())).toList();
  }
}
