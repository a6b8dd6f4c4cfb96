package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.CronSchedule;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;

import java.time.ZoneId;
import java.util.Set;

/**
 * {@code schedule: {cron, timezone}}: a 5-field cron expression in an IANA timezone (default UTC),
 * checked with the same parser the scheduler uses.
 */
final class ScheduleArgument {

    static final String DEFAULT_TIMEZONE = "UTC";
    static final Set<String> FIELDS = Set.of("cron", "timezone");

    private static final Set<String> IANA_ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private ScheduleArgument() {
    }

    static Schedule parse(ToolArguments schedule) {
        String cron = schedule.requiredText("cron", 100).strip();
        String timezone = schedule.optionalText("timezone", 64).orElse(DEFAULT_TIMEZONE);
        if (!IANA_ZONES.contains(timezone)) {
            throw ToolFailure.invalidArgument("timezone '" + timezone + "' is not an IANA timezone");
        }
        try {
            CronSchedule.parse(cron, ZoneId.of(timezone));
        } catch (IllegalArgumentException e) {
            throw ToolFailure.invalidArgument(e.getMessage());
        }
        return new Schedule(cron, timezone);
    }
}
