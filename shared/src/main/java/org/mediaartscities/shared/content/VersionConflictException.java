package org.mediaartscities.shared.content;

/** The item changed since the caller read it (its version is not the one expected), or it no longer exists. */
public final class VersionConflictException extends RuntimeException {

  public VersionConflictException(String id) {
    super("Item " + id + " was changed by someone else", null, false, false);
  }
}
