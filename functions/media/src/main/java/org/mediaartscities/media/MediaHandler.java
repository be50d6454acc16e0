package org.mediaartscities.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.util.List;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.log.Logs;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Invoked by S3 when an upload lands under {@code uploads/}: checks that the bytes are the declared image type and
 * size, makes web renditions without metadata, deletes the original, and marks the media {@code ready}; anything
 * else is deleted and marked {@code rejected} with a reason. Idempotent: S3 may deliver an event twice.
 */
public final class MediaHandler implements RequestHandler<S3Event, Void> {

  private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

  private final MediaConfig config;

  public MediaHandler() {
    this(MediaConfig.fromEnvironment());
  }

  MediaHandler(MediaConfig config) {
    this.config = config;
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (S3EventNotificationRecord record : event.getRecords()) {
      String bucket = record.getS3().getBucket().getName();
      String key = record.getS3().getObject().getUrlDecodedKey();
      process(bucket, key, context);
    }
    return null;
  }

  private void process(String bucket, String key, Context context) {
    String id = mediaId(key);
    Media media = id == null ? null : config.repository().media(id).orElse(null);
    if (media == null || !key.equals(media.uploadKey())) {
      Logs.warn(context, "Deleting " + key + ": no upload was requested for it");
      delete(bucket, key);
      return;
    }
    if (media.status() != Media.Status.PENDING) {
      return; // a repeated event: the first one decided
    }
    byte[] bytes;
    try {
      ResponseBytes<GetObjectResponse> object = config.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key));
      bytes = object.asByteArray();
    } catch (NoSuchKeyException e) {
      return; // already handled and deleted by a concurrent delivery
    }
    Media outcome;
    try {
      outcome = media.ready(check(media, bytes, bucket));
    } catch (Renditions.Unusable e) {
      outcome = media.rejected(e.getMessage());
    }
    // The outcome is recorded before the original goes: if recording fails, S3's retry finds it and decides again.
    config.store().putMedia(outcome);
    delete(bucket, key);
    Logs.info(context, "Media " + media.id() + " is " + outcome.status().id()
        + (outcome.reason() == null ? "" : ": " + outcome.reason()));
  }

  private List<Image.Rendition> check(Media media, byte[] bytes, String bucket) throws Renditions.Unusable {
    if (bytes.length != media.size()) {
      throw new Renditions.Unusable("The file has " + bytes.length + " bytes, not the " + media.size()
          + " announced.");
    }
    FileSignature declared = FileSignature.ofContentType(media.contentType())
        .orElseThrow(() -> new Renditions.Unusable("Unsupported type " + media.contentType() + "."));
    FileSignature actual = FileSignature.sniff(bytes).orElseThrow(() -> new Renditions.Unusable(
        "The file is not a " + declared.name() + " image (nor any image type accepted)."));
    if (actual != declared) {
      throw new Renditions.Unusable("The file is a " + actual.name() + " image, not the " + declared.name()
          + " announced.");
    }
    return Renditions.make(bytes).stream().map(encoded -> {
      String renditionKey = media.renditionsKey() + "/" + encoded.width() + "." + encoded.extension();
      config.s3().putObject(r -> r.bucket(bucket).key(renditionKey).contentType(encoded.contentType())
          .cacheControl(CACHE_FOREVER), RequestBody.fromBytes(encoded.bytes()));
      return new Image.Rendition(encoded.width(), encoded.height(), renditionKey);
    }).toList();
  }

  private void delete(String bucket, String key) {
    config.s3().deleteObject(r -> r.bucket(bucket).key(key));
  }

  /** {@code uploads/<id>.<ext>} → {@code <id>}. */
  static String mediaId(String key) {
    if (!key.startsWith("uploads/")) {
      return null;
    }
    String name = key.substring("uploads/".length());
    int dot = name.lastIndexOf('.');
    String id = dot < 0 ? name : name.substring(0, dot);
    return id.matches("[0-9a-f-]{36}") ? id : null;
  }
}
