package dev.agentry.command.agent;

import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.RunTrigger;

import java.time.Instant;

/**
 * What a reported run outcome must carry. Only what the read models order and group by is
 * required; the rest (model, summary, transcript) may be missing when a run failed early.
 */
final class RunOutcomeRules {

    private RunOutcomeRules() {
    }

    static void check(RecordAgentRun command) {
        checkRun(command.runId(), command.trigger(), command.scheduledAt());
        checkTimes(command.startedAt(), command.finishedAt());
        checkTokens(command.inputTokens(), command.outputTokens());
    }

    static void check(RecordAgentFailure command) {
        checkRun(command.runId(), command.trigger(), command.scheduledAt());
        checkTimes(command.startedAt(), command.finishedAt());
        checkTokens(command.inputTokens(), command.outputTokens());
        requireText(command.errorKind(), "error_kind is required, e.g. RATE_LIMITED or TIMEOUT");
    }

    static void check(RecordAgentRunSkipped command) {
        checkRun(command.runId(), command.trigger(), command.scheduledAt());
        if (command.scheduledAt() == null) {
            throw invalid("scheduled_at is required: the time of the fire or request that was skipped");
        }
        requireText(command.reason(), "reason is required, e.g. OVERLAP");
    }

    static void requireRunId(String runId) {
        requireText(runId, "run_id is required");
    }

    private static void checkRun(String runId, RunTrigger trigger, Instant scheduledAt) {
        requireRunId(runId);
        if (trigger == null) {
            throw invalid("trigger is required: SCHEDULE, MANUAL or CATCH_UP");
        }
        if (trigger != RunTrigger.MANUAL && scheduledAt == null) {
            throw invalid("scheduled_at is required for a %s run: the fire time it belongs to".formatted(trigger));
        }
    }

    private static void checkTimes(Instant startedAt, Instant finishedAt) {
        if (startedAt == null || finishedAt == null) {
            throw invalid("started_at and finished_at are required");
        }
    }

    private static void checkTokens(long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw invalid("input_tokens and output_tokens must not be negative");
        }
    }

    private static void requireText(String value, String message) {
        if (value == null || value.isBlank()) {
            throw invalid(message);
        }
    }

    private static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
    }
}
