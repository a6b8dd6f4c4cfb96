package dev.agentry.infra.temporal.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** The current time in a timezone, so that agents need not guess the date. */
@Component
class CurrentTimeTool implements AgentTool {

    static final String NAME = "current_time";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    /** @param clock the application's {@link Clock} bean if it declares one (tests do), else the system clock */
    @Autowired
    CurrentTimeTool(ObjectProvider<Clock> clock) {
        this(clock.getIfAvailable(Clock::systemUTC));
    }

    CurrentTimeTool(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "The current date and time in a timezone (default UTC), as ISO-8601 with the UTC offset.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type":"object",
                 "properties":{"timezone":{"type":"string",
                   "description":"IANA timezone, e.g. Europe/Berlin or America/New_York; default UTC"}},
                 "additionalProperties":false}""";
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        String timezone;
        try {
            JsonNode arguments = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
            if (!arguments.isObject()) {
                return ToolOutcome.error("the arguments must be a JSON object, e.g. {\"timezone\":\"UTC\"}");
            }
            JsonNode given = arguments.path("timezone");
            timezone = given.isTextual() && !given.asText().isBlank() ? given.asText().trim() : "UTC";
        } catch (JsonProcessingException notJson) {
            return ToolOutcome.error("the arguments are not a JSON object: " + notJson.getOriginalMessage());
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException unknown) {
            return ToolOutcome.error("'%s' is not an IANA timezone; use e.g. Europe/Berlin or UTC".formatted(timezone));
        }
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
        ObjectNode answer = JSON.createObjectNode()
                .put("time", now.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("timezone", zone.getId())
                .put("day_of_week", now.getDayOfWeek().toString());
        return ToolOutcome.success(answer.toString());
    }
}
