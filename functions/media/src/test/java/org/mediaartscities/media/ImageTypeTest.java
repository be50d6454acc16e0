package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

  @Test
  void recognisesEachAcceptedTypeByItsSignature() {
    assertThat(ImageType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(ImageType.JPEG);
    assertThat(ImageType.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains(ImageType.PNG);
    assertThat(ImageType.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.GIF);
    assertThat(ImageType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(ImageType.WEBP);
  }

  @Test
  void refusesEverythingElse() {
    for (String other : new String[] {"<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "%PDF-1.7", "RIFF\0\0\0\0WAVE",
        "GIF90a", "", "\u00FF\u00D8"}) {
      assertThat(ImageType.sniff(other.getBytes(StandardCharsets.ISO_8859_1))).as(other).isEmpty();
    }
  }

  @Test
  void readsTheKeyItWasGiven() {
    assertThat(MediaHandler.mediaId("uploads/0f8fad5b-d9cb-469f-a165-70867728950e.jpg"))
        .isEqualTo("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(MediaHandler.mediaId("uploads/../../etc/passwd")).isNull();
    assertThat(MediaHandler.mediaId("renditions/x/400.jpg")).isNull();
  }
}
