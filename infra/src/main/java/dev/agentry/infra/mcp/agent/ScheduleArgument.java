package dev.agentry.infra.mcp.agent;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** {@code schedule: {cron, timezone}}: a 5-field cron expression in an IANA timezone (default UTC). */
final class ScheduleArgument {

    static final String DEFAULT_TIMEZONE = "UTC";
    static final Set<String> FIELDS = Set.of("cron", "timezone");

    private static final CronParser UNIX_CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Set<String> IANA_ZONES = ZoneId.getAvailableZoneIds();

    private ScheduleArgument() {
    }

    static Schedule parse(ToolArguments schedule) {
        String cron = cron(schedule.requiredText("cron", 100));
        String timezone = schedule.optionalText("timezone", 64).orElse(DEFAULT_TIMEZONE);
        if (!IANA_ZONES.contains(timezone)) {
            throw ToolFailure.invalidArgument("timezone '" + timezone + "' is not an IANA timezone (e.g. Europe/Paris, UTC)");
        }
        return new Schedule(cron, timezone);
    }

    /** @return the expression with its fields separated by single spaces */
    private static String cron(String expression) {
        List<String> fields = List.of(expression.strip().split("\\s+"));
        if (fields.size() != 5) {
            throw ToolFailure.invalidArgument("cron '" + expression + "' must have 5 fields "
                    + "(minute hour day-of-month month day-of-week), not " + fields.size());
        }
        String normalized = String.join(" ", fields);
        try {
            UNIX_CRON.parse(normalized).validate();
        } catch (IllegalArgumentException e) {
            String problem = String.valueOf(e.getMessage()).replace("Failed to parse cron expression. ", "");
            throw ToolFailure.invalidArgument("cron '" + expression + "' is not a valid cron expression: " + problem);
        }
        return normalized;
    }
}
