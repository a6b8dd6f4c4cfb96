package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.query.api.RunView;

import java.time.Instant;
import java.util.List;

import static dev.agentry.infra.mcp.JsonSchema.dateTime;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.string;

/** A run as list_runs answers it; get_run adds more. */
record RunSummary(String runId, String trigger, String outcome, Instant startedAt, Instant finishedAt, String model,
                  long inputTokens, long outputTokens, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    static final List<String> OUTCOMES = List.of("SUCCEEDED", "FAILED", "SKIPPED", "RUNNING");

    static JsonSchema.ObjectSchema properties() {
        return JsonSchema.object()
                .required("run_id", string())
                .required("trigger", JsonSchema.upperCaseChoice(RunTrigger.class))
                .required("outcome", JsonSchema.choice(OUTCOMES))
                .required("started_at", dateTime().nullable().description("for a scheduled run, the fire time it belongs to"))
                .required("finished_at", dateTime().nullable())
                .required("model", string().nullable().description("canonical model name"))
                .required("input_tokens", integer().with("minimum", 0))
                .required("output_tokens", integer().with("minimum", 0))
                .optional("error", string()
                        .description("why a FAILED run failed: a kind such as RATE_LIMITED, a colon, a message"));
    }

    static RunSummary of(RunView run) {
        return new RunSummary(run.runId(), run.trigger().name(), run.outcome(), run.startedAt(), run.finishedAt(),
                run.model(), run.inputTokens(), run.outputTokens(), error(run));
    }

    private static String error(RunView run) {
        if (run.errorKind() == null) {
            return run.errorMessage();
        }
        return run.errorMessage() == null ? run.errorKind() : run.errorKind() + ": " + run.errorMessage();
    }
}
