package org.mediaartscities.shared.content;

/**
 * What one item makes of an uploaded image: whether it still names it, and whether it is published (or scheduled)
 * with it. An image's renditions are public while some item is published with it; they are private otherwise.
 *
 * @param itemId the item
 * @param named whether the item names the image (false once the image is removed from it, or the item deleted)
 * @param published whether the item is published or scheduled, naming the image
 */
public record MediaUse(String itemId, boolean named, boolean published) {}
