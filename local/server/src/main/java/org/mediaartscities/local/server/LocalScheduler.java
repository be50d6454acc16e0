package org.mediaartscities.local.server;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mediaartscities.local.LocalDeployment;
import org.mediaartscities.local.template.Template;
import org.mediaartscities.shared.json.Json;

/**
 * EventBridge Scheduler, locally: each {@code Schedule}/{@code ScheduleV2} event of template.yaml fires its function
 * on its expression ({@code cron(...)} in its time zone, or {@code rate(...)}), with its {@code Input}.
 */
final class LocalScheduler {

  private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

  private LocalScheduler() {}

  /** Starts one daemon thread per schedule; each prints when its function will next run. */
  static void start(LocalDeployment deployment) {
    for (Template.Schedule schedule : deployment.template().schedules()) {
      String expression = deployment.resolver().string(schedule.expression());
      ZoneId zone = schedule.timeZone() == null ? ZoneId.of("UTC")
          : ZoneId.of(deployment.resolver().string(schedule.timeZone()));
      Thread.ofPlatform().daemon().name("local-schedule-" + schedule.name()).start(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          ZonedDateTime now = ZonedDateTime.now(zone);
          Optional<ZonedDateTime> next = next(expression, now);
          if (next.isEmpty()) {
            System.err.println("  schedule " + schedule.name() + ": cannot read '" + expression + "'; not run");
            return;
          }
          System.out.println("  schedule " + schedule.name() + " runs " + schedule.functionId() + " next at "
              + next.get());
          try {
            Thread.sleep(Math.max(0, Duration.between(ZonedDateTime.now(zone), next.get()).toMillis()));
            Object input = schedule.input() == null ? Map.of() : Json.MAPPER.readValue(schedule.input(), Map.class);
            Object result = deployment.functions().invoke(schedule.functionId(), input);
            System.out.println("  schedule " + schedule.name() + ": " + Json.write(result));
          } catch (InterruptedException e) {
            return;
          } catch (Exception e) {
            System.err.println("  schedule " + schedule.name() + " failed: " + e);
          }
        }
      });
    }
  }

  /** The next firing after {@code now}: AWS cron has no seconds field, Quartz has. */
  static Optional<ZonedDateTime> next(String expression, ZonedDateTime now) {
    Matcher cron = CRON.matcher(expression.strip());
    if (cron.matches()) {
      try {
        return ExecutionTime.forCron(QUARTZ.parse("0 " + cron.group(1))).nextExecution(now);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    Matcher rate = RATE.matcher(expression.strip());
    if (rate.matches()) {
      long amount = Long.parseLong(rate.group(1));
      Duration every = rate.group(2).startsWith("minute") ? Duration.ofMinutes(amount)
          : rate.group(2).startsWith("hour") ? Duration.ofHours(amount) : Duration.ofDays(amount);
      return Optional.of(now.plus(every));
    }
    return Optional.empty();
  }
}
