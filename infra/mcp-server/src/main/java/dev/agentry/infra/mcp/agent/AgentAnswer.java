package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.query.api.AgentView;

import java.time.Instant;
import java.util.List;

import static dev.agentry.infra.mcp.JsonSchema.arrayOf;
import static dev.agentry.infra.mcp.JsonSchema.dateTime;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.lowerCase;
import static dev.agentry.infra.mcp.JsonSchema.lowerCaseChoice;
import static dev.agentry.infra.mcp.JsonSchema.string;
import static dev.agentry.infra.mcp.JsonSchema.upperCaseChoice;

/** The public agent object: lower-case tier and policies, ISO-8601 instants. */
record AgentAnswer(String agentId, String owner, String name, String instructions, String tier, String model,
                   ScheduleAnswer schedule, List<String> tools, String overlap, String catchUp,
                   Integer maxConsecutiveFailures, @JsonProperty("notify") String notifications, Long maxTokensPerRun, Long maxTokensPerDay,
                   String status, Instant createdAt, Instant updatedAt,
                   Instant nextRunAt, LastRun lastRun, long tokensUsedToday) {

    record ScheduleAnswer(String cron, String timezone) {
    }

    record LastRun(String runId, String outcome, Instant finishedAt) {
    }

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("agent_id", string())
            .required("owner", string().description("user name of the owner"))
            .required("name", string())
            .required("instructions", string())
            .required("tier", lowerCaseChoice(ReasoningTier.class))
            .required("model", string().nullable().description("canonical model name that overrides the tier"))
            .required("schedule", JsonSchema.object()
                    .required("cron", string())
                    .required("timezone", string())
                    .build().nullable())
            .required("tools", arrayOf(string()))
            .required("overlap", lowerCaseChoice(OverlapPolicy.class))
            .required("catch_up", lowerCaseChoice(CatchUpPolicy.class))
            .required("max_consecutive_failures", integer().nullable())
            .required("notify", lowerCaseChoice(NotifyPolicy.class))
            .required("max_tokens_per_run", integer().nullable())
            .required("max_tokens_per_day", integer().nullable())
            .required("status", upperCaseChoice(AgentStatus.class))
            .required("created_at", dateTime())
            .required("updated_at", dateTime())
            .required("next_run_at", dateTime().nullable())
            .required("last_run", JsonSchema.object()
                    .required("run_id", string())
                    .required("outcome", string())
                    .required("finished_at", dateTime().nullable())
                    .build().nullable())
            .required("tokens_used_today", integer().description(
                    "input and output tokens of the runs that started today, in the schedule's timezone (UTC without one)"))
            .build();

    /** A new agent as its create command describes it: STOPPED, never run. */
    static AgentAnswer created(String agentId, String owner, AgentSettings settings, Instant at) {
        return new AgentAnswer(agentId, owner, settings.name(), settings.instructions(), settings.tier().wireName(),
                settings.model(), schedule(settings), settings.tools(), lowerCase(settings.overlap()),
                lowerCase(settings.catchUp()), settings.maxConsecutiveFailures(), lowerCase(settings.notifications()),
                settings.maxTokensPerRun(), settings.maxTokensPerDay(), AgentStatus.STOPPED.name(), at, at,
                null, null, 0);
    }

    /** This agent with other settings, changed at the given time. */
    AgentAnswer withSettings(AgentSettings settings, Instant at) {
        return new AgentAnswer(agentId, owner, settings.name(), settings.instructions(), settings.tier().wireName(),
                settings.model(), schedule(settings), settings.tools(), lowerCase(settings.overlap()),
                lowerCase(settings.catchUp()), settings.maxConsecutiveFailures(), lowerCase(settings.notifications()),
                settings.maxTokensPerRun(), settings.maxTokensPerDay(), status, createdAt, at, nextRunAt, lastRun,
                tokensUsedToday);
    }

    /** This agent moved to the status at the given time; when it fires next is for the read model to tell. */
    AgentAnswer withStatus(AgentStatus moved, Instant at) {
        return new AgentAnswer(agentId, owner, name, instructions, tier, model, schedule, tools, overlap, catchUp,
                maxConsecutiveFailures, notifications, maxTokensPerRun, maxTokensPerDay, moved.name(), createdAt, at, null,
                lastRun, tokensUsedToday);
    }

    private static ScheduleAnswer schedule(AgentSettings settings) {
        return settings.schedule() == null ? null
                : new ScheduleAnswer(settings.schedule().cron(), settings.schedule().timezone());
    }

    /** The settings the answer shows, for applying a change to them. */
    static AgentSettings settingsOf(AgentView agent) {
        return new AgentSettings(agent.name(), agent.instructions(), agent.tier(), agent.model(), agent.schedule(),
                agent.tools(), agent.overlap(), agent.catchUp(), agent.maxConsecutiveFailures(), agent.notifications(),
                agent.maxTokensPerRun(), agent.maxTokensPerDay());
    }

    static AgentAnswer of(AgentView agent) {
        return new AgentAnswer(agent.agentId(), agent.owner(), agent.name(), agent.instructions(),
                agent.tier() == null ? null : agent.tier().wireName(), agent.model(),
                agent.schedule() == null ? null : new ScheduleAnswer(agent.schedule().cron(), agent.schedule().timezone()),
                agent.tools() == null ? List.of() : agent.tools(),
                lowerCase(agent.overlap()), lowerCase(agent.catchUp()), agent.maxConsecutiveFailures(),
                lowerCase(agent.notifications()), agent.maxTokensPerRun(), agent.maxTokensPerDay(),
                agent.status() == null ? null : agent.status().name(),
                agent.createdAt(), agent.updatedAt(), agent.nextRunAt(),
                agent.lastRun() == null ? null
                        : new LastRun(agent.lastRun().runId(), agent.lastRun().outcome(), agent.lastRun().finishedAt()),
                agent.tokensUsedToday());
    }
}
