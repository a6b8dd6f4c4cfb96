package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.ToolArguments;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.agentry.command.api.AgentSettingsLimits.CONSECUTIVE_FAILURES_MAX;
import static dev.agentry.command.api.AgentSettingsLimits.CRON_MAX_LENGTH;
import static dev.agentry.command.api.AgentSettingsLimits.DEFAULT_TIMEZONE;
import static dev.agentry.command.api.AgentSettingsLimits.INSTRUCTIONS_MAX_LENGTH;
import static dev.agentry.command.api.AgentSettingsLimits.MODEL_MAX_LENGTH;
import static dev.agentry.command.api.AgentSettingsLimits.NAME_MAX_LENGTH;
import static dev.agentry.command.api.AgentSettingsLimits.TIMEZONE_MAX_LENGTH;
import static dev.agentry.command.api.AgentSettingsLimits.TOKEN_BUDGET_MAX;
import static dev.agentry.command.api.AgentSettingsLimits.TOKEN_BUDGET_MIN;
import static dev.agentry.command.api.AgentSettingsLimits.TOOLS_MAX;
import static dev.agentry.command.api.AgentSettingsLimits.TOOL_NAME_MAX_LENGTH;
import static dev.agentry.infra.mcp.JsonSchema.arrayOf;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.lowerCase;
import static dev.agentry.infra.mcp.JsonSchema.lowerCaseChoice;
import static dev.agentry.infra.mcp.JsonSchema.text;

/**
 * The agent settings that create_agent takes and update_agent changes, as the call gave them. Their
 * shape is the schema's to check; what a schema cannot say (a cron that never fires, a timezone that
 * is not IANA's) is the agent's rules' to refuse.
 */
record AgentSettingsArguments(String name, String instructions, String tier, String model, ScheduleArguments schedule,
                              List<String> tools, String overlap, String catchUp, Integer maxConsecutiveFailures,
                              @JsonProperty("notify") String notifications, Long maxTokensPerRun, Long maxTokensPerDay) {

    record ScheduleArguments(String cron, String timezone) {

        Schedule toSchedule() {
            return new Schedule(cron.strip(), timezone == null ? DEFAULT_TIMEZONE : timezone);
        }
    }

    /** The settings' properties, every one optional; create_agent requires name and instructions. */
    static JsonSchema.ObjectSchema properties() {
        return JsonSchema.object()
                .optional("name", text(NAME_MAX_LENGTH).description("a name for people"))
                .optional("instructions", text(INSTRUCTIONS_MAX_LENGTH).description("what the agent does at every run"))
                .optional("tier", lowerCaseChoice(ReasoningTier.class).defaultValue(lowerCase(ReasoningTier.DEFAULT))
                        .description("how hard the agent thinks; standard fits most agents"))
                .optional("model", text(MODEL_MAX_LENGTH).nullable()
                        .description("canonical model name (see list_models) that overrides the tier; null for none"))
                .optional("schedule", JsonSchema.object()
                        .required("cron", text(CRON_MAX_LENGTH)
                                .description("5 fields: minute hour day-of-month month day-of-week, e.g. '0 9 * * 1-5'"))
                        .optional("timezone", text(TIMEZONE_MAX_LENGTH).defaultValue(DEFAULT_TIMEZONE)
                                .description("IANA timezone, e.g. Europe/Paris"))
                        .build().nullable()
                        .description("when the agent runs while RUNNING; null for manual runs only"))
                .optional("tools", arrayOf(text(TOOL_NAME_MAX_LENGTH)).maxItems(TOOLS_MAX).uniqueItems()
                        .description("names of the tools the agent may use"))
                .optional("overlap", lowerCaseChoice(OverlapPolicy.class).defaultValue(lowerCase(OverlapPolicy.SKIP))
                        .description("a fire while the previous run goes on: skip it, or run once more afterwards"))
                .optional("catch_up", lowerCaseChoice(CatchUpPolicy.class).defaultValue(lowerCase(CatchUpPolicy.SKIP))
                        .description("fire times missed during downtime: skip them, or run once"))
                .optional("max_consecutive_failures", integer(1, CONSECUTIVE_FAILURES_MAX).nullable()
                        .description("stop the agent after this many failed runs in a row; null for never"))
                .optional("notify", lowerCaseChoice(NotifyPolicy.class).defaultValue(lowerCase(NotifyPolicy.FAILURES))
                        .description("failures: DM the owner's Slack notify_user when the agent starts failing, is"
                                + " stopped or recovers; none: never"))
                .optional("max_tokens_per_run", integer(TOKEN_BUDGET_MIN, TOKEN_BUDGET_MAX).nullable()
                        .description("a run that has used this many tokens (input + output) fails with budget_exceeded"
                                + " before its next LLM call; null for no limit"))
                .optional("max_tokens_per_day", integer(TOKEN_BUDGET_MIN, TOKEN_BUDGET_MAX).nullable()
                        .description("once the agent used this many tokens on a day of its timezone, its fires are"
                                + " skipped (reason budget) until the day turns; null for no limit"));
    }

    /** Settings for a new agent, with the defaults filled in. */
    AgentSettings toNewSettings() {
        return new AgentSettings(name, instructions,
                tier == null ? ReasoningTier.DEFAULT : constant(ReasoningTier.class, tier), model,
                schedule == null ? null : schedule.toSchedule(),
                tools == null ? List.of() : tools,
                overlap == null ? OverlapPolicy.SKIP : constant(OverlapPolicy.class, overlap),
                catchUp == null ? CatchUpPolicy.SKIP : constant(CatchUpPolicy.class, catchUp),
                maxConsecutiveFailures,
                notifications == null ? NotifyPolicy.FAILURES : constant(NotifyPolicy.class, notifications),
                maxTokensPerRun, maxTokensPerDay);
    }

    /** Only the settings the call named; an explicit null clears model, schedule, the failure limit or a budget. */
    AgentSettingsChange toChange(ToolArguments arguments) {
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
        if (arguments.isExplicitNull("max_tokens_per_run")) {
            cleared.add(AgentSettingsChange.Field.MAX_TOKENS_PER_RUN);
        }
        if (arguments.isExplicitNull("max_tokens_per_day")) {
            cleared.add(AgentSettingsChange.Field.MAX_TOKENS_PER_DAY);
        }
        return new AgentSettingsChange(name, instructions,
                tier == null ? null : constant(ReasoningTier.class, tier), model,
                schedule == null ? null : schedule.toSchedule(), tools,
                overlap == null ? null : constant(OverlapPolicy.class, overlap),
                catchUp == null ? null : constant(CatchUpPolicy.class, catchUp),
                maxConsecutiveFailures,
                notifications == null ? null : constant(NotifyPolicy.class, notifications),
                maxTokensPerRun, maxTokensPerDay, cleared);
    }

    /** The schema admits only the lower-case names of the constants. */
    private static <E extends Enum<E>> E constant(Class<E> type, String lowerCaseName) {
        return Enum.valueOf(type, lowerCaseName.toUpperCase(Locale.ROOT));
    }
}
