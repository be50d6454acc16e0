package org.mediaartscities.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.files.FileSignature;

class FileSignatureTest {

  @Test
  void recognisesEachAcceptedTypeByItsSignature() {
    assertThat(FileSignature.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains(FileSignature.JPEG);
    assertThat(FileSignature.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains(FileSignature.PNG);
    assertThat(FileSignature.sniff("GIF89a...".getBytes(StandardCharsets.US_ASCII))).contains(FileSignature.GIF);
    assertThat(FileSignature.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(FileSignature.WEBP);
    assertThat(FileSignature.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))).contains(FileSignature.PDF);
  }

  @Test
  void refusesEverythingElse() {
    for (String other : new String[] {"<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "RIFF\0\0\0\0WAVE",
        "GIF90a", "", "\u00FF\u00D8"}) {
      assertThat(FileSignature.sniff(other.getBytes(StandardCharsets.ISO_8859_1))).as(other).isEmpty();
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
