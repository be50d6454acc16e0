package org.mediaartscities.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The API's OpenAPI contract, served as {@code GET /openapi.json}.
 *
 * <p>The build copies the repository's {@code openapi.json} (the JSON form of {@code openapi.yaml}, kept equal to it
 * by {@code OpenApiContractTest}) into this package as it is: the function only reads those bytes, and only on the
 * first request for them, so that no cold start pays for a document that few callers ask for.
 */
final class OpenApiContract {

  static final String CONTENT_TYPE = "application/json; charset=utf-8";
  static final String RESOURCE = "openapi.json";

  private OpenApiContract() {}

  static String json() {
    return Holder.JSON;
  }

  /** Loaded when first asked for (the holder idiom): the class is initialised once, on first use. */
  private static final class Holder {
    static final String JSON = load();
  }

  private static String load() {
    try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the function's jar: the build copies it from "
            + "the repository's root.");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
