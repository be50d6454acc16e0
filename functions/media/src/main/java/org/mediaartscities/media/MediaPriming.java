package org.mediaartscities.media;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.util.List;
import java.util.Optional;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.files.FileSignature;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * MediaFunction's SnapStart hooks. The handler itself is not invoked: for an upload nobody announced it deletes the
 * object, and priming deletes nothing. So its steps run one by one: the sample S3 event of events/media, the media
 * read on the nil UUID (media are named by random UUIDs), and the renditions of the sample image, which load the
 * image decoders and encoders (the bulk of this function's first event). The S3 read and the record's write stay
 * unprimed: priming knows no object of its own to read, and writes nothing.
 */
final class MediaPriming extends Priming {

  static final String IMPOSSIBLE_ID = "00000000-0000-0000-0000-000000000000";

  private final MediaConfig config;
  private volatile Optional<Media> found;
  private volatile List<Renditions.Encoded> renditions;

  MediaPriming(MediaConfig config) {
    super("MediaFunction");
    this.config = config;
  }

  @Override
  protected void prime() throws Renditions.Unusable {
    S3Event event = sample("media/upload-created.json", S3Event.class);
    MediaHandler.mediaId(event.getRecords().getFirst().getS3().getObject().getUrlDecodedKey());
    found = config.repository().media(IMPOSSIBLE_ID);
    byte[] image = read("media/upload-created.jpg");
    FileSignature.sniff(image);
    renditions = Renditions.make(image);
  }

  /** What the media read found (nothing, for the impossible id), or null before priming. */
  Optional<Media> found() {
    return found;
  }

  /** The renditions priming made of the sample image, in memory only, or null before priming. */
  List<Renditions.Encoded> renditions() {
    return renditions;
  }
}
