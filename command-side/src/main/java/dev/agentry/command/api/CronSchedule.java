package dev.agentry.command.api;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a {@link Schedule} fires: a standard 5-field UNIX cron expression (minute, hour, day of month,
 * month, day of week; when both day fields are restricted, a day matching either one fires) matched
 * against the wall clock of a timezone.
 *
 * <p>Daylight saving: a wall-clock time skipped by a change fires as much later as the clock jumped
 * (02:30 on a spring-forward night fires at 03:30); a wall-clock time that occurs twice fires once.
 *
 * <p>Not a message: it is the one place that turns a stored schedule into fire times, for the
 * validation of commands and for the schedule workflow alike.
 */
public final class CronSchedule {

    private static final CronParser UNIX_CRON =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final String FIELDS = "minute hour day-of-month month day-of-week";
    private static final String CRON_UTILS_PREFIX = "Failed to parse cron expression. ";

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executionTime;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime executionTime) {
        this.expression = expression;
        this.zone = zone;
        this.executionTime = executionTime;
    }

    /**
     * @throws IllegalArgumentException with a message for the person who wrote the expression
     */
    public static CronSchedule parse(String expression, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("cron must not be blank");
        }
        String trimmed = expression.trim();
        int fieldCount = trimmed.split("\\s+").length;
        if (fieldCount != 5) {
            throw new IllegalArgumentException("cron '%s' has %d field%s; expected 5: %s"
                    .formatted(expression, fieldCount, fieldCount == 1 ? "" : "s", FIELDS));
        }
        try {
            Cron cron = UNIX_CRON.parse(trimmed).validate();
            return new CronSchedule(trimmed, zone, ExecutionTime.forCron(cron));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cron '%s' is not a valid 5-field cron expression: %s"
                    .formatted(expression, reason(e)));
        }
    }

    /** For schedules that were validated when they were stored. */
    public static CronSchedule of(Schedule schedule) {
        return parse(schedule.cron(), ZoneId.of(schedule.timezone()));
    }

    /** The first fire time strictly after {@code after}, in this schedule's zone; empty if it never fires. */
    public Optional<ZonedDateTime> nextFireTime(ZonedDateTime after) {
        // cron-utils is asked about the wall clock alone (UTC has no daylight saving), so the
        // daylight-saving rules above are decided here and not by its zone arithmetic
        ZonedDateTime wallClock = after.withZoneSameInstant(zone).toLocalDateTime().atZone(ZoneOffset.UTC);
        return nextWallClockMatch(wallClock).map(local -> onZone(local, after));
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    private Optional<LocalDateTime> nextWallClockMatch(ZonedDateTime wallClock) {
        try {
            // a result is checked rather than trusted: older cron-utils versions looped or returned
            // rolled-over dates for impossible days such as 30 February
            return executionTime.nextExecution(wallClock)
                    .filter(next -> next.isAfter(wallClock) && executionTime.isMatch(next))
                    .map(ZonedDateTime::toLocalDateTime);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ZonedDateTime onZone(LocalDateTime local, ZonedDateTime after) {
        // in a gap, ofLocal moves the time forward by the length of the gap; in an overlap it takes
        // the earlier offset unless that would not be after the previous fire
        ZonedDateTime fire = ZonedDateTime.ofLocal(local, zone, null);
        return fire.isAfter(after) ? fire : fire.withLaterOffsetAtOverlap();
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? "unreadable expression" : e.getMessage();
        return message.startsWith(CRON_UTILS_PREFIX) ? message.substring(CRON_UTILS_PREFIX.length()) : message;
    }

    @Override
    public String toString() {
        return expression + " in " + zone;
    }
}
