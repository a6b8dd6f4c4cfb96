package dev.agentry.command.agent;

import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RunTrigger;

import java.time.Instant;

/**
 * Complete run reports for agent {@link #AGENT} as the run workflow sends them, and the events they
 * should become. Every field has a distinct value, so that a dropped or swapped field shows.
 */
final class RunReports {

    static final String AGENT = "agent-1";
    static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    static final Instant STARTED = FIRE.plusSeconds(2);
    static final Instant FINISHED = FIRE.plusSeconds(95);

    private RunReports() {
    }

    static RecordAgentRun success(String runId) {
        return new RecordAgentRun(AGENT, runId, RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, "claude-sonnet",
                1200, 340, "Posted the digest to #general", "transcripts/" + runId + ".json");
    }

    static AgentRan ran(String runId) {
        return new AgentRan(AGENT, runId, RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, "claude-sonnet",
                1200, 340, "Posted the digest to #general", "transcripts/" + runId + ".json");
    }

    static RecordAgentFailure failure(String runId) {
        return new RecordAgentFailure(AGENT, runId, RunTrigger.CATCH_UP, FIRE, STARTED, FINISHED, "gpt-large",
                "RATE_LIMITED", "the provider refused 3 times: rate limited", 800, 0, "transcripts/" + runId + ".json");
    }

    static AgentFailed failed(String runId) {
        return new AgentFailed(AGENT, runId, RunTrigger.CATCH_UP, FIRE, STARTED, FINISHED, "gpt-large",
                "RATE_LIMITED", "the provider refused 3 times: rate limited", 800, 0, "transcripts/" + runId + ".json");
    }

    static RecordAgentRunSkipped skip(String runId) {
        return new RecordAgentRunSkipped(AGENT, runId, RunTrigger.SCHEDULE, FIRE, "OVERLAP");
    }

    static AgentRunSkipped skipped(String runId) {
        return new AgentRunSkipped(AGENT, runId, RunTrigger.SCHEDULE, FIRE, "OVERLAP");
    }
}
