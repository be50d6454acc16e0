package org.mediaartscities.newsletter;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.mediaartscities.shared.json.Json;
import org.mediaartscities.shared.log.Logs;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Invoked by the schedule: plans the weekly digest (and, in a month's first week, the monthly one). It gathers the
 * edition, archives it, and hands every confirmed subscriber of that frequency to the sender through the queue,
 * in messages of {@value #PER_MESSAGE}; it sends no mail itself. A run is named after its day, so a second firing
 * that day finds it planned and does nothing; a retried planner queues again, and the sender's per-subscriber
 * records keep anyone from receiving it twice.
 */
public final class DigestPlanner implements RequestHandler<Map<String, Object>, Map<String, Object>> {

  /** Subscribers per queue message: a sender invocation's work, well inside its timeout at SES's pace. */
  static final int PER_MESSAGE = 50;

  private final DigestPlannerConfig config;

  public DigestPlanner() {
    this(DigestPlannerConfig.fromEnvironment());
  }

  DigestPlanner(DigestPlannerConfig config) {
    this.config = config;
  }

  /** @param input the schedule's input; {@code "at"} (an instant) plans as of then, for tests and replays */
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
    Instant now = input != null && input.get("at") != null ? Instant.parse(input.get("at").toString())
        : config.clock().instant();
    LocalDate day = now.atZone(ZoneId.of(config.email().zone())).toLocalDate();
    var result = new LinkedHashMap<String, Object>();
    result.put(Preferences.Frequency.WEEKLY.id(), plan(Preferences.Frequency.WEEKLY, day, now, context));
    if (day.getDayOfMonth() <= 7) {
      result.put(Preferences.Frequency.MONTHLY.id(), plan(Preferences.Frequency.MONTHLY, day, now, context));
    }
    return result;
  }

  private Map<String, Object> plan(Preferences.Frequency frequency, LocalDate day, Instant now, Context context) {
    String id = frequency.id() + "-" + day;
    DigestRun run = config.runs().get(id).orElse(null);
    if (run != null && run.status() != DigestRun.Status.PLANNING) {
      Logs.info(context, "Digest " + id + " was planned already");
      return Map.of("run", id, "status", run.status(), "queued", 0);
    }
    List<DigestItem> edition;
    if (run == null) {
      Instant since = config.runs().lastUntil(frequency)
          .orElse(now.minus(frequency == Preferences.Frequency.WEEKLY ? Duration.ofDays(7) : Duration.ofDays(31)));
      edition = config.editions().between(since, now);
      run = DigestRun.planning(id, frequency, since, now, edition.size(), languages(edition));
      if (!config.runs().create(run)) {
        return Map.of("run", id, "status", "planned-elsewhere", "queued", 0);
      }
    } else {
      // A retry after a failure: the same window again.
      edition = config.editions().between(run.since(), run.until());
    }
    if (edition.isEmpty()) {
      DigestRun empty = run.empty(now);
      config.runs().finish(empty);
      Logs.info(context, "Digest " + id + ": nothing new, nothing sent");
      return Map.of("run", id, "status", empty.status(), "queued", 0);
    }
    config.runs().putEdition(id, edition);
    var archive = new LinkedHashMap<String, String>();
    for (String language : run.languages()) {
      archive.put(language, config.email().archive(edition, language, run.until()));
    }
    config.runs().putArchive(id, archive);
    long queued = enqueue(id, frequency);
    DigestRun planned = run.planned(queued, now);
    config.runs().finish(planned);
    Logs.info(context, "Digest " + id + ": " + edition.size() + " items, " + queued + " subscribers queued");
    return Map.of("run", id, "status", planned.status(), "items", edition.size(), "queued", queued);
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
