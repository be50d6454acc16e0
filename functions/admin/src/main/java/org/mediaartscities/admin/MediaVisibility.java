package org.mediaartscities.admin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Media;
import org.mediaartscities.shared.content.MediaUse;
import org.mediaartscities.shared.content.PublicationStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Keeps an uploaded image public exactly while a published (or scheduled) item shows it. Renditions are kept under a
 * private prefix (the media function writes them there) and copied to their public key, which the CDN serves, when
 * an item is published with them; the public copies are deleted when no published item shows them any more. The
 * originals are gone by then, so hiding must be undoable: it never touches the private copies, except when the last
 * item naming an image is deleted, and only then is the image forgotten.
 *
 * <p>Each item's view of an image is a row of its own ({@link MediaUse}), written after the item is saved and only if
 * no later version of the item wrote it first; the decision is then taken on every row of the image, and taken again
 * after hiding, so that a publication racing with a withdrawal ends with the image shown.
 */
final class MediaVisibility {

  private final AdminConfig config;

  MediaVisibility(AdminConfig config) {
    this.config = config;
  }

  /** After {@code before} was replaced by {@code after} at {@code version}. */
  void saved(ContentItem before, ContentItem after, long version) {
    record(after.id(), union(before, after), after, version, false);
  }

  /** After {@code item} was deleted; {@code version} is the one its deletion was recorded at in its history. */
  void deleted(ContentItem item, long version) {
    record(item.id(), mediaIds(item), null, version, true);
  }

  /** Whether a change from {@code before} to {@code after} may change what is public of its images. */
  static boolean matters(ContentItem before, ContentItem after) {
    return showing(before) != showing(after) || !mediaIds(before).equals(mediaIds(after));
  }

  private void record(String itemId, Set<String> mediaIds, ContentItem after, long version, boolean deleting) {
    Set<String> named = after == null ? Set.of() : mediaIds(after);
    for (String mediaId : mediaIds) {
      boolean names = named.contains(mediaId);
      config.store().putMediaUse(mediaId, new MediaUse(itemId, names, names && showing(after)), version);
      reconcile(mediaId, deleting);
    }
  }

  private void reconcile(String mediaId, boolean mayForget) {
    Media media = config.repository().media(mediaId).orElse(null);
    if (media == null || media.status() != Media.Status.READY) {
      return;
    }
    List<MediaUse> uses = config.repository().mediaUses(mediaId);
    if (uses.stream().anyMatch(MediaUse::published)) {
      show(media);
      return;
    }
    hide(media);
    List<MediaUse> after = config.repository().mediaUses(mediaId);
    if (after.stream().anyMatch(MediaUse::published)) {
      show(media); // published meanwhile by another item, whose own copy this hiding may have undone
    } else if (mayForget && after.stream().noneMatch(MediaUse::named)) {
      forget(media);
    }
  }

  private void show(Media media) {
    for (Image.Rendition rendition : media.renditions()) {
      try {
        // Copying keeps the private copy's content type and Cache-Control.
        config.s3().copyObject(r -> r.sourceBucket(config.mediaBucket()).sourceKey(Media.privateKey(rendition.key()))
            .destinationBucket(config.mediaBucket()).destinationKey(rendition.key()));
      } catch (NoSuchKeyException e) {
        // Forgotten meanwhile: the item names an image that is gone, as when its media was never made.
      }
    }
  }

  private void hide(Media media) {
    for (Image.Rendition rendition : media.renditions()) {
      config.s3().deleteObject(r -> r.bucket(config.mediaBucket()).key(rendition.key()));
    }
  }

  private void forget(Media media) {
    for (Image.Rendition rendition : media.renditions()) {
      config.s3().deleteObject(r -> r.bucket(config.mediaBucket()).key(Media.privateKey(rendition.key())));
    }
    config.store().deleteMedia(media.id());
  }

  // Scheduled items count as published: their images are public (at unguessable keys) before the item is listed,
  // since publication at a later time happens without any request that could copy them.
  private static boolean showing(ContentItem item) {
    return item != null && item.status() == PublicationStatus.PUBLISHED;
  }

  private static Set<String> union(ContentItem before, ContentItem after) {
    var ids = new LinkedHashSet<>(mediaIds(before));
    ids.addAll(mediaIds(after));
    return ids;
  }

  static Set<String> mediaIds(ContentItem item) {
    var ids = new LinkedHashSet<String>();
    if (item != null && item.images() != null) {
      item.images().forEach(image -> Media.idOfRenditions(image.key()).ifPresent(ids::add));
    }
    return ids;
  }
}
