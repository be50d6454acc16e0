package org.mediaartscities.shared.http;

/**
 * A failure the caller can act on: it becomes a 4xx JSON error naming the field at fault.
 *
 * <p>The message is written for the caller and is sent as is, so it never carries internal detail.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String field;

  /** A failure with an HTTP status, a stable machine-readable code, a message and the field at fault, if any. */
  public ApiException(int status, String code, String message, String field) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
  }

  /** 400 for a request parameter or body field the server cannot accept. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(400, "invalid_parameter", message, field);
  }

  /** 403 for a signed-in caller whose role or city does not allow this. */
  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message, null);
  }

  /** 409 for a request that conflicts with what exists (a slug, a city). */
  public static ApiException conflict(String field, String message) {
    return new ApiException(409, "conflict", message, field);
  }

  /** 404 for a resource that does not exist (or is not public). */
  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message, null);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The request field or parameter at fault, or null. */
  public String field() {
    return field;
  }
}
