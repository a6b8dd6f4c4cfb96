package dev.agentry.query.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CronSchedule;
import dev.agentry.command.api.Schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * When a running agent's schedule fires next, computed from its cron expression and timezone at
 * the moment of asking. The schedule workflow computes its fire times with the same
 * {@link CronSchedule}, so both agree without asking Temporal.
 */
final class NextRunTime {

    private final Clock clock;

    NextRunTime(Clock clock) {
        this.clock = clock;
    }

    /** Null for an agent that is not RUNNING, has no schedule, or whose schedule never fires again. */
    Instant of(AgentStatus status, Schedule schedule) {
        if (status != AgentStatus.RUNNING || schedule == null) {
            return null;
        }
        CronSchedule cron = CronSchedule.of(schedule);
        return cron.nextFireTime(ZonedDateTime.ofInstant(clock.instant(), cron.zone()))
                .map(ZonedDateTime::toInstant)
                .orElse(null);
    }
}
