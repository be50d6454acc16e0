package org.mediaartscities.media;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.snapstart.Priming;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Invoked by S3 when an upload lands under {@code uploads/}: checks that the bytes are the declared image type and
 * size, makes web renditions without metadata (kept under a private prefix until an item is published with them),
 * deletes the original, and marks the media {@code ready}; anything else is deleted and marked {@code rejected}
 * with a reason. Idempotent: S3 may deliver an event twice.
 */
public final class MediaHandler implements RequestHandler<S3Event, Void> {

  /**
   * A day, not a year: an image hidden when its item is unpublished stays in the CDN's cache until this runs out
   * (docs/API.md); MediaDistribution's cache policy caps it at the same day.
   */
  static final String CACHE_A_DAY = "public, max-age=86400";

  private final MediaConfig config;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public MediaHandler() {
    this(MediaConfig.fromEnvironment());
    priming = new MediaPriming(config).register();
  }

  MediaHandler(MediaConfig config) {
    this.config = config;
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (S3EventNotificationRecord record : event.getRecords()) {
      var object = record.getS3().getObject();
      process(new Upload(record.getS3().getBucket().getName(), object.getUrlDecodedKey(), object.getSizeAsLong(),
          object.geteTag()), context);
    }
    return null;
  }

  /** The object an event announces: its size and ETag are the ones S3 stored, before anyone read a byte. */
  record Upload(String bucket, String key, Long size, String eTag) {}

  private void process(Upload upload, Context context) {
    String key = upload.key();
    String id = mediaId(key);
    Media media = id == null ? null : config.repository().media(id).orElse(null);
    if (media == null || !key.equals(media.uploadKey())) {
      Logs.warn(context, "Deleting " + key + ": no upload was requested for it");
      delete(upload.bucket(), key);
      return;
    }
    if (media.status() != Media.Status.PENDING) {
      // A repeated event, or bytes put again with a still valid URL after the check: the first check decided.
      delete(upload.bucket(), key);
      return;
    }
    Media outcome;
    try {
      byte[] bytes = read(upload, media);
      outcome = media.ready(check(media, bytes, upload.bucket()));
    } catch (Replaced e) {
      // The object changed since this event: the event of the new bytes decides, never this one.
      Logs.info(context, "Media " + media.id() + " was replaced since this event; the next event decides");
      return;
    } catch (Renditions.Unusable e) {
      outcome = media.rejected(e.getMessage());
    }
    // The outcome is recorded before the original goes: if recording fails, S3's retry finds it and decides again.
    config.store().putMedia(outcome);
    delete(upload.bucket(), key);
    Logs.info(context, "Media " + media.id() + " is " + outcome.status().id()
        + (outcome.reason() == null ? "" : ": " + outcome.reason()));
  }

  /** The object changed (or went) between its event and the read. */
  private static final class Replaced extends Exception {
    Replaced() {
      super(null, null, false, false);
    }
  }

  /**
   * The announced number of bytes, read only if the event says the object has that many, only the object the event
   * names (If-Match on its ETag), and never more than one byte past the announced size.
   */
  private byte[] read(Upload upload, Media media) throws Replaced, Renditions.Unusable {
    if (upload.size() == null || upload.size() != media.size()) {
      throw new Renditions.Unusable("The file has " + upload.size() + " bytes, not the " + media.size()
          + " announced.");
    }
    if (upload.eTag() == null || upload.eTag().isBlank()) {
      throw new Replaced();
    }
    try (ResponseInputStream<GetObjectResponse> in = config.s3().getObject(r -> r.bucket(upload.bucket())
        .key(upload.key()).ifMatch("\"" + upload.eTag() + "\""))) {
      byte[] bytes = in.readNBytes(Math.toIntExact(media.size() + 1));
      if (bytes.length != media.size()) {
        in.abort(); // the rest is never read: closing would drain it
        throw new Renditions.Unusable("The file has " + (bytes.length > media.size() ? "more" : "fewer")
            + " bytes than the " + media.size() + " announced.");
      }
      return bytes;
    } catch (NoSuchKeyException e) {
      throw new Replaced(); // deleted since: by a concurrent delivery that decided, or replaced and expired
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        throw new Replaced();
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Image.Rendition> check(Media media, byte[] bytes, String bucket) throws Renditions.Unusable {
    FileSignature declared = FileSignature.ofContentType(media.contentType())
        .orElseThrow(() -> new Renditions.Unusable("Unsupported type " + media.contentType() + "."));
    FileSignature actual = FileSignature.sniff(bytes).orElseThrow(() -> new Renditions.Unusable(
        "The file is not a " + declared.name() + " image (nor any image type accepted)."));
    if (actual != declared) {
      throw new Renditions.Unusable("The file is a " + actual.name() + " image, not the " + declared.name()
          + " announced.");
    }
    // Kept private: the admin function copies them to their public key while a published item shows them.
    return Renditions.make(bytes).stream().map(encoded -> {
      String renditionKey = media.renditionsKey() + "/" + encoded.width() + "." + encoded.extension();
      config.s3().putObject(r -> r.bucket(bucket).key(Media.privateKey(renditionKey))
          .contentType(encoded.contentType()).cacheControl(CACHE_A_DAY), RequestBody.fromBytes(encoded.bytes()));
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
