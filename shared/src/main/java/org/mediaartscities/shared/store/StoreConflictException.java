package org.mediaartscities.shared.store;

/**
 * A conditional write lost to another writer: the record changed between our read and our write.
 *
 * <p>Stores throw it for every lost condition; {@code Router} answers it once, as 409 {@code conflict}. Code that
 * can do better (answer with what is stored now, retry) catches it; nothing else does.
 */
public class StoreConflictException extends RuntimeException {

  /** {@code what} names the record for the log, never its content: e.g. "application 1b2c…". */
  public StoreConflictException(String what) {
    super(what + " changed meanwhile", null, false, false);
  }

  public StoreConflictException(String what, Throwable cause) {
    super(what + " changed meanwhile", cause, false, false);
  }
}
