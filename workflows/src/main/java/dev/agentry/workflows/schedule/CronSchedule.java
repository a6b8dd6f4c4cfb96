package dev.agentry.workflows.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.agentry.command.api.Schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A 5-field UNIX cron expression read as wall-clock times of an IANA timezone, so that a daily
 * {@code 0 9 * * *} in Europe/Berlin fires at 09:00 local time on both sides of a DST change.
 * A wall-clock time that a spring-forward change skips does not fire that day; one that a fall-back
 * change repeats fires once.
 */
final class CronSchedule {

    // thread safe, and parsing is a pure function of the text, so replays see the same schedule
    private static final CronParser UNIX_CRON =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    /** Beyond this many fires in a range the latest one is looked up backwards instead of stepped to. */
    private static final int MAX_FORWARD_STEPS = 100;

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime executionTime, ZoneId zone) {
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** @throws IllegalArgumentException if the cron or the timezone is not valid */
    static CronSchedule of(Schedule schedule) {
        try {
            ZoneId zone = schedule.timezone() == null ? ZoneOffset.UTC : ZoneId.of(schedule.timezone());
            return new CronSchedule(ExecutionTime.forCron(UNIX_CRON.parse(schedule.cron()).validate()), zone);
        } catch (DateTimeException | IllegalArgumentException | NullPointerException invalid) {
            throw new IllegalArgumentException(
                    "not a 5-field cron in an IANA timezone: '" + schedule.cron() + "' in '" + schedule.timezone() + "'",
                    invalid);
        }
    }

    /** The first fire strictly after the instant, or null if the expression never fires again. */
    Instant nextFireAfter(Instant instant) {
        return executionTime.nextExecution(instant.atZone(zone)).map(ZonedDateTime::toInstant).orElse(null);
    }

    /** The latest fire in {@code (after, atOrBefore]}, or null if there is none. */
    Instant latestFireBetween(Instant after, Instant atOrBefore) {
        Instant fire = nextFireAfter(after);
        if (fire == null || fire.isAfter(atOrBefore)) {
            return null;
        }
        // Stepping forward gives exactly the fires a running schedule would have seen (the backwards
        // search of cron-utils also finds the second occurrence of a repeated wall-clock hour).
        for (int step = 0; step < MAX_FORWARD_STEPS; step++) {
            Instant following = nextFireAfter(fire);
            if (following == null || following.isAfter(atOrBefore)) {
                return fire;
            }
            fire = following;
        }
        // Fire times are whole seconds: "strictly before the next second" means "at or before".
        ZonedDateTime justAfter = atOrBefore.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atZone(zone);
        return executionTime.lastExecution(justAfter).map(ZonedDateTime::toInstant)
                .filter(fire::isBefore)
                .orElse(fire);
    }
}
