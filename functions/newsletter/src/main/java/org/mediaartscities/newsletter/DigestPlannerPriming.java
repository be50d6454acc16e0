package org.mediaartscities.newsletter;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.snapstart.Priming;

/**
 * DigestPlannerFunction's SnapStart hooks: its reads only, since planning stores a run and queues its subscribers.
 * The sample schedule input of events/newsletter is parsed; the run no run can be named, the weekly chain's head and
 * the edition of an empty window are read; an archive page of one item is written, and the outcome as JSON. Storing
 * the run and queueing stay unprimed.
 */
final class DigestPlannerPriming extends Priming {

  private final DigestPlannerConfig config;
  private volatile Optional<DigestRun> run;
  private volatile String outcome;

  DigestPlannerPriming(DigestPlannerConfig config) {
    super("DigestPlannerFunction");
    this.config = config;
  }

  @Override
  protected void prime() {
    sample("newsletter/digest-schedule.json", Map.class);
    Instant now = config.clock().instant();
    run = config.runs().get(PrimingSamples.IMPOSSIBLE_RUN);
    config.runs().head(Preferences.Frequency.WEEKLY);
    List<DigestItem> edition = config.editions().between(now, now);
    config.email().archive(List.of(PrimingSamples.item(now)), "en", now);
    var result = new LinkedHashMap<String, Object>();
    result.put("run", PrimingSamples.IMPOSSIBLE_RUN);
    result.put("items", edition.size());
    outcome = Json.write(result);
  }

  /** The impossible run (absent), or null before priming. */
  Optional<DigestRun> run() {
    return run;
  }

  /** The outcome priming wrote as JSON, or null before it ran. */
  String outcome() {
    return outcome;
  }
}
