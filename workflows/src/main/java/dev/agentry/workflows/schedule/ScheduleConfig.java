package dev.agentry.workflows.schedule;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.Schedule;

/**
 * The part of an agent's settings its schedule workflow acts on.
 *
 * @param schedule    cron and IANA timezone, or null for an agent that only runs on demand
 * @param fingerprint opaque marker of the settings this was derived from, chosen by the sender (for
 *                    example the sequence number of the event that set them); the workflow only keeps and
 *                    reports it so that reconciliation can tell whether Temporal drifted from the events
 */
public record ScheduleConfig(Schedule schedule, OverlapPolicy overlap, CatchUpPolicy catchUp, String fingerprint) {

    public ScheduleConfig {
        overlap = overlap == null ? OverlapPolicy.SKIP : overlap;
        catchUp = catchUp == null ? CatchUpPolicy.SKIP : catchUp;
    }

    public static ScheduleConfig of(AgentSettings settings, String fingerprint) {
        return new ScheduleConfig(settings.schedule(), settings.overlap(), settings.catchUp(), fingerprint);
    }
}
