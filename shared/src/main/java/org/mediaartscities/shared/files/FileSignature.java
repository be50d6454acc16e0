package org.mediaartscities.shared.files;

import java.util.Optional;

/**
 * What a file really is, from its first bytes (its signature), never from its name or declared type. Covers what
 * the site accepts: JPEG, PNG, GIF, WebP images and PDF documents.
 */
public enum FileSignature {
  JPEG("image/jpeg"),
  PNG("image/png"),
  GIF("image/gif"),
  WEBP("image/webp"),
  PDF("application/pdf");

  private final String contentType;

  FileSignature(String contentType) {
    this.contentType = contentType;
  }

  public String contentType() {
    return contentType;
  }

  public static Optional<FileSignature> ofContentType(String contentType) {
    for (FileSignature type : values()) {
      if (type.contentType.equals(contentType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type the bytes are; empty for anything else (text, SVG, HTML, executables...). */
  public static Optional<FileSignature> sniff(byte[] bytes) {
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
    if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
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
