package dev.agentry.workflows.schedule;

import dev.agentry.command.api.CronSchedule;
import dev.agentry.command.api.Schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * The fire times of an agent's schedule as the workflow needs them: the next one, and the latest one
 * in a range (for catch-up). The cron and daylight-saving rules are {@link CronSchedule}'s, the same
 * that validated the schedule and that {@code next_run_at} shows.
 */
final class FireTimes {

    /** Catch-up looks for the latest fire in windows of these sizes back from the end of the range. */
    private static final Duration[] LOOK_BACK = {
            Duration.ofHours(2), Duration.ofDays(2), Duration.ofDays(64), Duration.ofDays(800), Duration.ofDays(3300)};
    /** In a window with more fires than this the latest one lies in a smaller window already searched. */
    private static final int MAX_STEPS_PER_WINDOW = 10_000;

    private final CronSchedule cron;

    private FireTimes(CronSchedule cron) {
        this.cron = cron;
    }

    /** @throws IllegalArgumentException if the cron or the timezone is not valid */
    static FireTimes of(Schedule schedule) {
        try {
            return new FireTimes(CronSchedule.of(schedule));
        } catch (DateTimeException | NullPointerException invalid) {
            throw new IllegalArgumentException(
                    "not a 5-field cron in an IANA timezone: '" + schedule.cron() + "' in '" + schedule.timezone() + "'",
                    invalid);
        }
    }

    /** The first fire strictly after the instant, or null if the expression never fires again. */
    Instant nextFireAfter(Instant instant) {
        return cron.nextFireTime(instant.atZone(cron.zone())).map(ZonedDateTime::toInstant).orElse(null);
    }

    /** The latest fire in {@code (after, atOrBefore]}, or null if there is none. */
    Instant latestFireBetween(Instant after, Instant atOrBefore) {
        // stepping forward gives exactly the fires a running schedule would have seen; searching
        // growing windows back from the end keeps the number of steps small after a long gap
        for (Duration window : LOOK_BACK) {
            Instant from = atOrBefore.minus(window);
            boolean windowReachesStart = !from.isAfter(after);
            Instant latest = lastFireStepping(windowReachesStart ? after : from, atOrBefore);
            if (latest != null || windowReachesStart) {
                return latest;
            }
        }
        return lastFireStepping(after, atOrBefore);
    }

    private Instant lastFireStepping(Instant after, Instant atOrBefore) {
        Instant latest = null;
        Instant fire = nextFireAfter(after);
        for (int step = 0; fire != null && !fire.isAfter(atOrBefore) && step < MAX_STEPS_PER_WINDOW; step++) {
            latest = fire;
            fire = nextFireAfter(fire);
        }
        return latest;
    }
}
