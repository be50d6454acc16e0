package org.mediaartscities.shared.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A call's state by the server's clock; never stored, always computed. */
public enum CallStatus {
  UPCOMING,
  OPEN,
  CLOSED;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
