package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentRow;
import org.mediaartscities.shared.content.ContentStore;
import org.mediaartscities.shared.content.Media;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** MediaFunction invoked with events/media/upload-created.json, as {@code sam local invoke -e} sends it. */
class MediaSampleEventTest {

  private static LocalDeployment deployment;
  private static S3Client s3;
  private static ContentStore store;
  private static ContentRepository repository;
  private static S3Event sample;
  private static String bucket;
  private static String key;

  @BeforeAll
  static void deploy() {
    deployment = LocalDeployment.forTests(MediaSampleEventTest.class, Map.of());
    s3 = deployment.aws().clients().s3();
    var client = DynamoDbEnhancedClient.builder().dynamoDbClient(deployment.aws().clients().dynamoDb()).build();
    var table = client.table(deployment.name("ContentTable"), ContentRow.SCHEMA);
    store = new ContentStore(client, table);
    repository = new ContentRepository(table);
    sample = EventLoader.loadS3Event(RepoPaths.events().resolve("media/upload-created.json").toString());
    bucket = sample.getRecords().getFirst().getS3().getBucket().getName();
    key = sample.getRecords().getFirst().getS3().getObject().getUrlDecodedKey();
    try {
      s3.createBucket(r -> r.bucket(bucket));
    } catch (BucketAlreadyOwnedByYouException e) {
      // another run of this class made it
    }
  }

  @BeforeEach
  void emptyBucket() {
    s3.listObjectsV2(r -> r.bucket(bucket)).contents().forEach(o -> s3.deleteObject(r -> r.bucket(bucket)
        .key(o.key())));
  }

  @Test
  void aRequestedUploadBecomesReadyAndItsOriginalIsDeleted() throws Exception {
    // The sample event's size and ETag are those of events/media/upload-created.jpg.
    byte[] photo = Files.readAllBytes(RepoPaths.events().resolve("media/upload-created.jpg"));
    String id = MediaHandler.mediaId(key);
    store.putMedia(new Media(id, Media.Status.PENDING, "image/jpeg", photo.length, "facade.jpg", key, "lyon",
        "editor-lyon", Instant.now(), null, null));
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(photo));

    deployment.functions().invoke("MediaFunction", sample);

    Media media = repository.media(id).orElseThrow();
    assertThat(media.status()).isEqualTo(Media.Status.READY);
    assertThat(media.renditions()).extracting(r -> r.width()).containsExactly(400, 1200);
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
        .containsExactlyInAnyOrder("private/renditions/" + id + "/400.jpg", "private/renditions/" + id + "/1200.jpg");

    deployment.functions().invoke("MediaFunction", sample);
    assertThat(repository.media(id).orElseThrow()).as("a repeated event changes nothing").isEqualTo(media);
  }

  @Test
  void otherBytesThanTheEventAnnouncedAreNeverChecked() throws Exception {
    byte[] photo = Files.readAllBytes(RepoPaths.events().resolve("media/upload-created.jpg"));
    photo[photo.length / 2] ^= 0x5A; // same size, another ETag
    String id = MediaHandler.mediaId(key);
    store.putMedia(new Media(id, Media.Status.PENDING, "image/jpeg", photo.length, "facade.jpg", key, "lyon",
        "editor-lyon", Instant.now(), null, null));
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(photo));

    deployment.functions().invoke("MediaFunction", sample);

    assertThat(repository.media(id).orElseThrow().status()).isEqualTo(Media.Status.PENDING);
    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly(key);
  }

  @Test
  void anUploadNobodyRequestedIsDeleted() {
    String unrequested = key.replace("0f8fad5b", "9f8fad5b");
    s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("sneaky"));
    store.putMedia(new Media(MediaHandler.mediaId(key), Media.Status.PENDING, "image/jpeg", 6, null, unrequested,
        "lyon", "editor-lyon", Instant.now(), null, null));

    deployment.functions().invoke("MediaFunction", sample);

    assertThat(s3.listObjectsV2(r -> r.bucket(bucket)).contents()).isEmpty();
  }
}
