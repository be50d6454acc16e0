package org.mediaartscities.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes an image and re-encodes it at web widths. Re-encoding from pixels is what strips the metadata (EXIF, GPS
 * position, camera serial): nothing of the original file but its pixels reaches a rendition.
 */
final class Renditions {

  static final int[] WIDTHS = {400, 1200};
  /** Larger images are refused before decoding: a small file can declare a huge canvas (a decompression bomb). */
  static final long MAX_PIXELS = 50_000_000L;
  private static final float JPEG_QUALITY = 0.85f;

  /** One encoded size. */
  record Encoded(int width, int height, String extension, String contentType, byte[] bytes) {}

  /** Why an image cannot be used, in words an editor understands. */
  static final class Unusable extends Exception {
    Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  private Renditions() {}

  static {
    System.setProperty("java.awt.headless", "true");
  }

  static List<Encoded> make(byte[] original) throws Unusable {
    BufferedImage image = decode(original);
    boolean alpha = image.getColorModel().hasAlpha();
    var made = new ArrayList<Encoded>();
    for (int width : WIDTHS) {
      if (width > image.getWidth() && !made.isEmpty()) {
        break;
      }
      int target = Math.min(width, image.getWidth());
      int height = Math.max(1, Math.round(image.getHeight() * (target / (float) image.getWidth())));
      BufferedImage scaled = scale(image, target, height, alpha);
      made.add(alpha ? new Encoded(target, height, "png", "image/png", png(scaled))
          : new Encoded(target, height, "jpg", "image/jpeg", jpeg(scaled)));
      if (target == image.getWidth()) {
        break;
      }
    }
    return made;
  }

  private static BufferedImage decode(byte[] bytes) throws Unusable {
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw new Unusable("The file is not an image this site can read.");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
        if (pixels > MAX_PIXELS) {
          throw new Unusable("The image is " + reader.getWidth(0) + "×" + reader.getHeight(0)
              + " pixels; at most 50 megapixels.");
        }
        BufferedImage image = reader.read(0);
        if (image.getWidth() < 1 || image.getHeight() < 1) {
          throw new Unusable("The image is empty.");
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new Unusable("The image is damaged or incomplete and cannot be read.");
    }
  }

  private static BufferedImage scale(BufferedImage source, int width, int height, boolean alpha) {
    BufferedImage current = source;
    // Halving in steps keeps detail when shrinking a lot; one bicubic pass does the rest.
    while (current.getWidth() / 2 >= width) {
      current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2), alpha);
    }
    return draw(current, width, height, alpha);
  }

  private static BufferedImage draw(BufferedImage source, int width, int height, boolean alpha) {
    var target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = target.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.drawImage(source, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return target;
  }

  private static byte[] jpeg(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var out = new ByteArrayOutputStream();
    try (var stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new IllegalStateException("Encoding to memory cannot fail", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  private static byte[] png(BufferedImage image) {
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new IllegalStateException("Encoding to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
