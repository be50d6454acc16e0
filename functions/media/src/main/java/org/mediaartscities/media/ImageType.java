package org.mediaartscities.media;

import java.util.Arrays;
import java.util.Optional;

/** The image types editors may upload, recognised by their first bytes, never by name or declared type alone. */
enum ImageType {
  JPEG("image/jpeg"),
  PNG("image/png"),
  GIF("image/gif"),
  WEBP("image/webp");

  private final String contentType;

  ImageType(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  static Optional<ImageType> ofContentType(String contentType) {
    return Arrays.stream(values()).filter(t -> t.contentType.equals(contentType)).findFirst();
  }

  /** What the bytes are, by their signature (magic number); empty for anything else (text, SVG, PDF...). */
  static Optional<ImageType> sniff(byte[] bytes) {
    if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(bytes, 'G', 'I', 'F', '8') && bytes.length > 5 && (bytes[4] == '7' || bytes[4] == '9')
        && bytes[5] == 'a') {
      return Optional.of(GIF);
    }
    if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
        && bytes[10] == 'B' && bytes[11] == 'P') {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int... signature) {
    if (bytes.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((bytes[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
