package org.mediaartscities.applications.files;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.mediaartscities.applications.ApplicationFile;
import org.mediaartscities.shared.files.FileSignature;

/**
 * Reviewers' copies of applicants' files, without what names their author inside them: a PDF loses its document
 * information (author, creator, title...) and its XMP metadata; an image is re-encoded from its pixels, which drops
 * EXIF (camera serial, GPS position, owner), XMP and text chunks; a WebP image loses its EXIF and XMP chunks. The
 * copy sits under {@code reviewers/}, beside the checked original under {@code checked/}, which editors keep.
 */
public final class ReviewerCopies {

  /** Where reviewers' copies are; outside {@code applications/}, so that writing one triggers no file check. */
  public static final String PREFIX = "reviewers/";
  /** Larger images are refused before decoding: a small file can declare a huge canvas (a decompression bomb). */
  static final long MAX_PIXELS = 50_000_000L;
  private static final float JPEG_QUALITY = 0.92f;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ReviewerCopies() {}

  /** Why a file cannot be cleaned, in words an applicant understands. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  /** The reviewers' copy of {@code applications/<application id>/<file id>.<ext>}: {@code reviewers/<same>}. */
  public static String key(ApplicationFile file) {
    return PREFIX + file.key().substring(file.key().indexOf('/') + 1);
  }

  /** The file's bytes without identifying metadata, in the same format. */
  static byte[] sanitise(byte[] bytes, FileSignature type) throws Unusable {
    return switch (type) {
      case PDF -> pdf(bytes);
      case JPEG -> image(bytes, "jpeg");
      case PNG -> image(bytes, "png");
      case GIF -> image(bytes, "gif");
      case WEBP -> webp(bytes);
    };
  }

  private static byte[] pdf(byte[] bytes) throws Unusable {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      if (document.isEncrypted()) {
        document.setAllSecurityToBeRemoved(true);
      }
      // Saving writes only what the trailer still reaches: the removed dictionaries and streams are gone.
      document.getDocument().getTrailer().removeItem(COSName.INFO);
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.METADATA);
      for (PDPage page : document.getPages()) {
        page.getCOSObject().removeItem(COSName.METADATA);
        page.getCOSObject().removeItem(COSName.PIECE_INFO);
      }
      document.getDocumentCatalog().getCOSObject().removeItem(COSName.PIECE_INFO);
      var out = new ByteArrayOutputStream(bytes.length);
      document.save(out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new Unusable("the PDF cannot be read; it may be damaged or protected by a password");
    }
  }

  private static byte[] image(byte[] bytes, String format) throws Unusable {
    BufferedImage decoded = decode(bytes);
    boolean alpha = !format.equals("jpeg") && decoded.getColorModel().hasAlpha();
    // Drawn onto a plain canvas: nothing of the original but its pixels reaches the copy.
    var pixels = new BufferedImage(decoded.getWidth(), decoded.getHeight(),
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = pixels.createGraphics();
    try {
      g.drawImage(decoded, 0, 0, null);
    } finally {
      g.dispose();
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
    var out = new ByteArrayOutputStream();
    try (var stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (format.equals("jpeg")) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(pixels, null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException("Encoding to memory cannot fail", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static BufferedImage decode(byte[] bytes) throws Unusable {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new Unusable("the image cannot be read");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          throw new Unusable("the image has more than 50 megapixels");
        }
        return reader.read(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Unusable("the image is damaged or in a variant this site cannot read");
    }
  }

  /**
   * A WebP image without its {@code EXIF} and {@code XMP } chunks, and with the extended header's flags saying so.
   * The JDK cannot decode WebP; its container is simple enough to clean without decoding.
   */
  private static byte[] webp(byte[] bytes) throws Unusable {
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12) {
      throw new Unusable("the WebP image is incomplete");
    }
    var out = new ByteArrayOutputStream(bytes.length);
    out.write(bytes, 0, 12);
    int position = 12;
    while (position < bytes.length) {
      if (position + 8 > bytes.length) {
        throw new Unusable("the WebP image is damaged");
      }
      String type = new String(bytes, position, 4, StandardCharsets.US_ASCII);
      long size = Integer.toUnsignedLong(in.getInt(position + 4));
      long end = position + 8 + size + (size & 1);
      if (end > bytes.length + (size & 1)) {
        throw new Unusable("the WebP image is damaged");
      }
      int length = (int) Math.min(end, bytes.length) - position;
      if (!type.equals("EXIF") && !type.equals("XMP ")) {
        byte[] chunk = java.util.Arrays.copyOfRange(bytes, position, position + length);
        if (type.equals("VP8X") && chunk.length > 8) {
          chunk[8] &= (byte) ~0x0C; // the EXIF (0x08) and XMP (0x04) flags
        }
        out.write(chunk, 0, chunk.length);
      }
      position += length;
    }
    byte[] cleaned = out.toByteArray();
    ByteBuffer.wrap(cleaned).order(ByteOrder.LITTLE_ENDIAN).putInt(4, cleaned.length - 8);
    return cleaned;
  }
}
