package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.ToolArguments;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agent settings that create_agent takes and update_agent changes. */
final class AgentSettingsArguments {

    static final int MAX_NAME = 100;
    static final int MAX_INSTRUCTIONS = 20_000;
    static final int MAX_MODEL = 200;
    static final int MAX_TOOLS = 50;
    static final int MAX_TOOL_NAME = 100;
    static final int MAX_FAILURE_LIMIT = 1000;

    /** The settings' entries of an input schema's {@code properties}, shared by create_agent and update_agent. */
    static final String SCHEMA_PROPERTIES = """
            "name": {"type": "string", "minLength": 1, "maxLength": 100, "description": "a name for people"},
            "instructions": {"type": "string", "minLength": 1, "maxLength": 20000,
                             "description": "what the agent does at every run"},
            "tier": {"type": "string", "enum": ["basic", "standard", "advanced", "deep"], "default": "standard",
                     "description": "how hard the agent thinks; standard fits most agents"},
            "model": {"type": ["string", "null"], "minLength": 1, "maxLength": 200,
                      "description": "canonical model name (see list_models) that overrides the tier; null for none"},
            "schedule": {
              "type": ["object", "null"],
              "description": "when the agent runs while RUNNING; null for manual runs only",
              "properties": {
                "cron": {"type": "string", "minLength": 1, "maxLength": 100,
                         "description": "5 fields: minute hour day-of-month month day-of-week, e.g. '0 9 * * 1-5'"},
                "timezone": {"type": "string", "minLength": 1, "maxLength": 64, "default": "UTC",
                             "description": "IANA timezone, e.g. Europe/Paris"}
              },
              "required": ["cron"],
              "additionalProperties": false
            },
            "tools": {"type": "array", "maxItems": 50, "uniqueItems": true,
                      "items": {"type": "string", "minLength": 1, "maxLength": 100},
                      "description": "names of the tools the agent may use"},
            "overlap": {"type": "string", "enum": ["skip", "buffer_one"], "default": "skip",
                        "description": "a fire while the previous run goes on: skip it, or run once more afterwards"},
            "catch_up": {"type": "string", "enum": ["skip", "run_once"], "default": "skip",
                         "description": "fire times missed during downtime: skip them, or run once"},
            "max_consecutive_failures": {"type": ["integer", "null"], "minimum": 1, "maximum": 1000,
                                         "description": "stop the agent after this many failed runs in a row; null for never"}""";

    private static final Map<String, ReasoningTier> TIERS = ToolArguments.lowerCaseChoices(ReasoningTier.class);
    private static final Map<String, OverlapPolicy> OVERLAPS = ToolArguments.lowerCaseChoices(OverlapPolicy.class);
    private static final Map<String, CatchUpPolicy> CATCH_UPS = ToolArguments.lowerCaseChoices(CatchUpPolicy.class);

    private AgentSettingsArguments() {
    }

    /** Settings for a new agent, with the defaults filled in. */
    static AgentSettings parseNew(ToolArguments arguments) {
        return new AgentSettings(
                arguments.requiredText("name", MAX_NAME),
                arguments.requiredText("instructions", MAX_INSTRUCTIONS),
                arguments.choice("tier", TIERS, ReasoningTier.DEFAULT),
                arguments.nullableText("model", MAX_MODEL).orElse(null),
                schedule(arguments).orElse(null),
                tools(arguments).orElse(List.of()),
                arguments.choice("overlap", OVERLAPS, OverlapPolicy.SKIP),
                arguments.choice("catch_up", CATCH_UPS, CatchUpPolicy.SKIP),
                arguments.nullableInteger("max_consecutive_failures", 1, MAX_FAILURE_LIMIT).orElse(null));
    }

    /** Only the settings named in the arguments; an explicit null clears model, schedule or the failure limit. */
    static AgentSettingsChange parseChange(ToolArguments arguments) {
        Set<AgentSettingsChange.Field> cleared = EnumSet.noneOf(AgentSettingsChange.Field.class);
        if (arguments.isExplicitNull("model")) {
            cleared.add(AgentSettingsChange.Field.MODEL);
        }
        if (arguments.isExplicitNull("schedule")) {
            cleared.add(AgentSettingsChange.Field.SCHEDULE);
        }
        if (arguments.isExplicitNull("max_consecutive_failures")) {
            cleared.add(AgentSettingsChange.Field.MAX_CONSECUTIVE_FAILURES);
        }
        return new AgentSettingsChange(
                arguments.optionalText("name", MAX_NAME).orElse(null),
                arguments.optionalText("instructions", MAX_INSTRUCTIONS).orElse(null),
                arguments.optionalChoice("tier", TIERS).orElse(null),
                arguments.nullableText("model", MAX_MODEL).orElse(null),
                schedule(arguments).orElse(null),
                tools(arguments).orElse(null),
                arguments.optionalChoice("overlap", OVERLAPS).orElse(null),
                arguments.optionalChoice("catch_up", CATCH_UPS).orElse(null),
                arguments.nullableInteger("max_consecutive_failures", 1, MAX_FAILURE_LIMIT).orElse(null),
                cleared);
    }

    private static Optional<Schedule> schedule(ToolArguments arguments) {
        return arguments.nullableObject("schedule", ScheduleArgument.FIELDS).map(ScheduleArgument::parse);
    }

    private static Optional<List<String>> tools(ToolArguments arguments) {
        return arguments.optionalTextList("tools", MAX_TOOLS, MAX_TOOL_NAME);
    }
}
