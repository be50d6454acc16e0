package org.mediaartscities.shared.content;

/** Another item of the same kind already holds the slug. */
public final class SlugTakenException extends RuntimeException {

  public SlugTakenException(Kind kind, String slug) {
    super("The " + kind.id() + " slug '" + slug + "' is already taken");
  }
}
