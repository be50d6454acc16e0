package org.mediaartscities.applications.applying;

import java.time.InstantSource;
import java.util.Map;
import org.mediaartscities.applications.ApplicationsTestBed;

/** ApplicationsFunction's handler built as Lambda builds it, with another clock or other variables. */
public final class ApplyingHandlers {

  private ApplyingHandlers() {}

  /** A handler whose clock is {@code clock}: deadlines are tested on the server's clock, not by sleeping. */
  public static ApplicationsHandler at(ApplicationsTestBed bed, InstantSource clock) {
    ApplyingConfig config = bed.inEnvironment(ApplicationsTestBed.APPLICANT, Map.of(),
        ApplyingConfig::fromEnvironment);
    return new ApplicationsHandler(config.withClock(clock));
  }

  /** A handler with some variables of its environment changed. */
  public static ApplicationsHandler with(ApplicationsTestBed bed, Map<String, String> variables) {
    return bed.inEnvironment(ApplicationsTestBed.APPLICANT, variables, ApplicationsHandler::new);
  }
}
