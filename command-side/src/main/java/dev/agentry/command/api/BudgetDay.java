package dev.agentry.command.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The day an agent's daily token budget counts: a calendar day in the timezone of the agent's schedule, in UTC
 * for an agent without one. A run's tokens count toward the day it started ({@link RunTrigger#startOfRun}), so
 * a scheduled run belongs to the day of its fire time even when it finishes after midnight.
 *
 * <p>Not a message: the one rule shared by the run's preparation, which skips runs once the day's budget is
 * spent, and the agent's read model, which shows the day's usage.
 */
public record BudgetDay(LocalDate date, ZoneId zone) {

    /** The day holding the instant, in the schedule's timezone (null: UTC). */
    public static BudgetDay of(Instant at, Schedule schedule) {
        ZoneId zone = schedule == null || schedule.timezone() == null ? ZoneOffset.UTC : ZoneId.of(schedule.timezone());
        return new BudgetDay(LocalDate.ofInstant(at, zone), zone);
    }

    /** The first instant of the day (a day that starts in a daylight-saving gap starts when the gap ends). */
    public Instant start() {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The first instant of the next day. */
    public Instant end() {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }
}
