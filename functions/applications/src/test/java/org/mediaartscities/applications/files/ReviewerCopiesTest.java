package org.mediaartscities.applications.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.shared.files.FileSignature;

/** Reviewers' copies keep the content and lose what names the author: PNG text chunks, WebP EXIF and XMP. */
class ReviewerCopiesTest {

  @Test
  void aPngLosesItsTextChunksAndKeepsItsPixels() throws Exception {
    var image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_ARGB);
    image.setRGB(1, 1, 0x80FF0000);
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    byte[] png = withTextChunk(out.toByteArray(), "Author", "Jane Doe");
    assertThat(text(png)).contains("Jane Doe");

    byte[] copy = ReviewerCopies.sanitise(png, FileSignature.PNG);

    assertThat(text(copy)).doesNotContain("Jane Doe").doesNotContain("tEXt");
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(copy));
    assertThat(read.getWidth()).isEqualTo(4);
    assertThat(read.getRGB(1, 1)).isEqualTo(0x80FF0000);
  }

  @Test
  void aWebpLosesItsExifAndXmpChunksAndTheirFlags() throws Exception {
    byte[] vp8x = new byte[10];
    vp8x[0] = 0x0C; // EXIF and XMP present
    byte[] webp = riff(chunk("VP8X", vp8x), chunk("VP8L", new byte[] {0x2F, 0, 0, 0, 0}),
        chunk("EXIF", "MM Jane Doe".getBytes(StandardCharsets.US_ASCII)),
        chunk("XMP ", "<x:xmpmeta>Jane Doe</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII)));

    byte[] copy = ReviewerCopies.sanitise(webp, FileSignature.WEBP);

    assertThat(text(copy)).doesNotContain("Jane Doe").contains("VP8L").startsWith("RIFF");
    assertThat(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).getInt(4)).isEqualTo(copy.length - 8);
    assertThat(copy[20] & 0x0C).isZero();
    assertThat(FileSignature.sniff(copy)).contains(FileSignature.WEBP);
  }

  @Test
  void aFileThatCannotBeReadIsUnusable() {
    assertThatThrownBy(() -> ReviewerCopies.sanitise("%PDF-1.7 broken".getBytes(StandardCharsets.US_ASCII),
        FileSignature.PDF)).isInstanceOf(ReviewerCopies.Unusable.class);
    assertThatThrownBy(() -> ReviewerCopies.sanitise(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0},
        FileSignature.JPEG)).isInstanceOf(ReviewerCopies.Unusable.class);
  }

  @Test
  void theCopyLiesBesideTheOriginalUnderReviewers() {
    var file = new ApplicationFile("f1", "a1", "portfolio", "cv.pdf", "application/pdf", 10,
        "applications/a1/f1.pdf", ApplicationFile.Status.READY, null, Instant.EPOCH);

    assertThat(ReviewerCopies.key(file)).isEqualTo("reviewers/a1/f1.pdf");
  }

  private static byte[] withTextChunk(byte[] png, String keyword, String value) {
    byte[] data = (keyword + "\0" + value).getBytes(StandardCharsets.ISO_8859_1);
    var crc = new CRC32();
    crc.update("tEXt".getBytes(StandardCharsets.US_ASCII));
    crc.update(data);
    ByteBuffer chunk = ByteBuffer.allocate(12 + data.length).putInt(data.length)
        .put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data).putInt((int) crc.getValue());
    int afterHeader = 8 + 25; // signature, then the IHDR chunk
    return ByteBuffer.allocate(png.length + chunk.capacity()).put(png, 0, afterHeader).put(chunk.array())
        .put(png, afterHeader, png.length - afterHeader).array();
  }

  private static byte[] chunk(String type, byte[] data) {
    ByteBuffer chunk = ByteBuffer.allocate(8 + data.length + (data.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    chunk.put(type.getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return chunk.array();
  }

  private static byte[] riff(byte[]... chunks) {
    int size = 4;
    for (byte[] c : chunks) {
      size += c.length;
    }
    ByteBuffer riff = ByteBuffer.allocate(8 + size).order(ByteOrder.LITTLE_ENDIAN);
    riff.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(size).put("WEBP".getBytes(StandardCharsets.US_ASCII));
    for (byte[] c : chunks) {
      riff.put(c);
    }
    return riff.array();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
