package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import org.mediaartscities.shared.log.Metrics;
import org.mediaartscities.shared.snapstart.Priming;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Invoked by the schedule: plans the weekly digest (and, in a month's first week, the monthly one). It gathers the
 * edition, archives it, and hands every confirmed subscriber of that frequency to the sender through the queue,
 * in messages of {@value #PER_MESSAGE}; it sends no mail itself.
 *
 * <p>The runs of a frequency form a chain ({@link DigestRuns}): a run covers what was published after the end of the
 * previous one, up to the earlier of the time it is run as of ({@code at}) and the planner's own clock, since
 * nothing can be published in the planner's future. So however runs are fired (late, twice, by hand, as of an
 * earlier or a later time), no item falls between two runs or into two. A run is named after its day: a second
 * firing that day keeps the stored window, and the sender's per-subscriber records keep anyone from receiving it
 * twice. A run that would cover no time at all is refused, and nothing is stored.
 */
public final class DigestPlanner implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Subscribers per queue message: a sender invocation's work, well inside its timeout at SES's pace. */
  static final int PER_MESSAGE = 50;

  /** The count of a planned run's items, which the alarm on a digest that mailed nobody watches. */
  public static final String ITEMS_METRIC = "DigestItems";

  private final DigestPlannerConfig config;
  // Held here because the runtime holds SnapStart hooks only weakly (Priming).
  private Priming priming;

  public DigestPlanner() {
    this(DigestPlannerConfig.fromEnvironment());
    priming = new DigestPlannerPriming(config).register();
  }

  DigestPlanner(DigestPlannerConfig config) {
    this.config = config;
  }

  /** What a frequency's run is to do: plan again a run of that id, or start a new one after the chain's head. */
  private sealed interface Step {
    record Again(DigestRun run) implements Step {}

    record Start(String id, Preferences.Frequency frequency, Instant since, Instant until,
        Optional<DigestRuns.Head> after) implements Step {}
  }

  /**
   * @param input the schedule's input; {@code "at"} (an instant) plans as of then, for tests and replays
   * @throws IllegalArgumentException when {@code at} is not an instant, or a run as of it would cover nothing new
   */
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Instant now = config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    Instant at = at(input).orElse(now);
    ZoneId zone = ZoneId.of(config.email().zone());
    LocalDate day = at.atZone(zone).toLocalDate();
    // Every frequency's window is checked before anything is written: a refused run changes nothing.
    var steps = new LinkedHashMap<Preferences.Frequency, Step>();
    step(Preferences.Frequency.WEEKLY, day, at, now, zone).ifPresent(s -> steps.put(Preferences.Frequency.WEEKLY, s));
    if (day.getDayOfMonth() <= 7) {
      step(Preferences.Frequency.MONTHLY, day, at, now, zone)
          .ifPresent(s -> steps.put(Preferences.Frequency.MONTHLY, s));
    }
    var result = new LinkedHashMap<String, Object>();
    steps.forEach((frequency, step) -> result.put(frequency.id(), run(step, now, context)));
    return result;
  }

  private static Optional<Instant> at(Map<String, Object> input) {
    if (input == null || input.get("at") == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(input.get("at").toString()).truncatedTo(ChronoUnit.MILLIS));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'at' must be an instant such as 2026-12-07T07:00:00Z.", e);
    }
  }

  private Optional<Step> step(Preferences.Frequency frequency, LocalDate day, Instant at, Instant now, ZoneId zone) {
    String id = frequency.id() + "-" + day;
    Optional<DigestRun> existing = config.runs().get(id);
    if (existing.isPresent()) {
      return Optional.of(new Step.Again(existing.get()));
    }
    Optional<DigestRuns.Head> head = config.runs().head(frequency);
    if (frequency == Preferences.Frequency.MONTHLY && head.isPresent()
        && !YearMonth.from(head.get().run().day()).isBefore(YearMonth.from(day))) {
      return Optional.empty(); // this month's monthly digest is planned already
    }
    Instant until = at.isBefore(now) ? at : now;
    Instant since = head.map(h -> h.run().until()).orElse(until.minus(frequency == Preferences.Frequency.WEEKLY
        ? Duration.ofDays(7) : Duration.ofDays(31)));
    if (!until.isAfter(since)) {
      throw new IllegalArgumentException("The " + frequency.id() + " digest already covers items up to "
          + since.atZone(zone).toOffsetDateTime() + "; a run as of " + at.atZone(zone).toOffsetDateTime()
          + " would send nothing new.");
    }
    return Optional.of(new Step.Start(id, frequency, since, until, head));
  }

  private Map<String, Object> run(Step step, Instant now, Context context) {
    return switch (step) {
      case Step.Again(DigestRun run) when run.status() != DigestRun.Status.PLANNING -> {
        Logs.info(context, "Digest " + run.id() + " was planned already");
        yield outcome(run, run.status(), 0);
      }
      // A retry after a failure: the same window again.
      case Step.Again(DigestRun run) -> complete(run, config.editions().between(run.since(), run.until()), now,
          context);
      case Step.Start start -> {
        // A predecessor whose planner died part-way is completed first: its window is taken, nobody else sends it.
        start.after().flatMap(head -> config.runs().get(head.run().id()))
            .filter(previous -> previous.status() == DigestRun.Status.PLANNING)
            .ifPresent(previous -> complete(previous, config.editions().between(previous.since(), previous.until()),
                now, context));
        List<DigestItem> edition = config.editions().between(start.since(), start.until());
        DigestRun run = DigestRun.planning(start.id(), start.frequency(), start.since(), start.until(),
            edition.size(), languages(edition));
        if (!config.runs().create(run, start.after())) {
          Logs.info(context, "Digest " + run.id() + " was planned elsewhere at the same time");
          yield outcome(run, "planned-elsewhere", 0);
        }
        yield complete(run, edition, now, context);
      }
    };
  }

  private Map<String, Object> complete(DigestRun run, List<DigestItem> edition, Instant now, Context context) {
    String id = run.id();
    if (edition.isEmpty()) {
      DigestRun empty = run.empty(now);
      config.runs().finish(empty);
      Logs.info(context, "Digest " + id + ": nothing new, nothing sent");
      return outcome(empty, empty.status(), 0);
    }
    config.runs().putEdition(id, edition);
    var archive = new LinkedHashMap<String, String>();
    for (String language : run.languages()) {
      archive.put(language, config.email().archive(edition, language, run.until()));
    }
    config.runs().putArchive(id, archive);
    long queued = enqueue(id, run.frequency());
    DigestRun planned = run.planned(queued, now);
    config.runs().finish(planned);
    Logs.info(context, "Digest " + id + ": " + edition.size() + " items, " + queued + " subscribers queued");
    // With the senders' DigestEmailsSent, the alarm on a digest that had news and mailed nobody (template.yaml).
    Metrics.ofThisFunction().count(ITEMS_METRIC, edition.size());
    var outcome = outcome(planned, planned.status(), queued);
    outcome.put("items", edition.size());
    return outcome;
  }

  /** What the invoker is told of a run: its window too, so that a run by hand shows what it covered. */
  private static Map<String, Object> outcome(DigestRun run, Object status, long queued) {
    var outcome = new LinkedHashMap<String, Object>();
    outcome.put("run", run.id());
    outcome.put("status", status);
    outcome.put("since", run.since().toString());
    outcome.put("until", run.until().toString());
    outcome.put("queued", queued);
    return outcome;
  }

  private long enqueue(String runId, Preferences.Frequency frequency) {
    var count = new AtomicLong();
    var entries = new ArrayList<SendMessageBatchRequestEntry>();
    var pending = new ArrayList<String>();
    config.subscribers().confirmedIds(frequency, page -> {
      for (String subscriberId : page) {
        pending.add(subscriberId);
        if (pending.size() == PER_MESSAGE) {
          entries.add(entry(runId, pending, entries.size()));
          count.addAndGet(pending.size());
          pending.clear();
        }
        if (entries.size() == 10) {
          send(entries);
        }
      }
    });
    if (!pending.isEmpty()) {
      entries.add(entry(runId, pending, entries.size()));
      count.addAndGet(pending.size());
    }
    send(entries);
    return count.get();
  }

  private static SendMessageBatchRequestEntry entry(String runId, List<String> subscribers, int index) {
    return SendMessageBatchRequestEntry.builder().id(Integer.toString(index))
        .messageBody(Json.write(new DigestSender.Batch(runId, List.copyOf(subscribers)))).build();
  }

  private void send(List<SendMessageBatchRequestEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var response = config.sqs().sendMessageBatch(r -> r.queueUrl(config.queueUrl()).entries(entries));
    if (!response.failed().isEmpty()) {
      // Failed entries are retried once; a second failure fails the planner, which the schedule retries.
      var failedIds = response.failed().stream().map(f -> f.id()).toList();
      var retry = entries.stream().filter(e -> failedIds.contains(e.id())).toList();
      var second = config.sqs().sendMessageBatch(r -> r.queueUrl(config.queueUrl()).entries(retry));
      if (!second.failed().isEmpty()) {
        throw new IllegalStateException("Could not queue " + second.failed().size() + " digest batches");
      }
    }
    entries.clear();
  }

  /** The archive's languages: French and English always, and every language an item is written in. */
  private static List<String> languages(List<DigestItem> edition) {
    var languages = new TreeSet<>(List.of("en", "fr"));
    edition.forEach(item -> languages.addAll(item.texts().keySet()));
    return List.copyOf(languages);
  }
}
