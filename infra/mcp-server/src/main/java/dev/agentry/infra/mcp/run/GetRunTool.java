package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.FindRun;
import dev.agentry.query.api.RunView;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

@Component
class GetRunTool implements McpTool<String> {

    private static final Logger log = LoggerFactory.getLogger(GetRunTool.class);
    static final int MAX_RUN_ID = 300;

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("run_id", JsonSchema.text(MAX_RUN_ID).description("id from run_agent_now or list_runs"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("agent_id", JsonSchema.string())
            .including(RunSummary.properties())
            .required("scheduled_at", JsonSchema.dateTime().nullable()
                    .description("the fire time the run belongs to; for a manual run, when it was requested"))
            .required("summary", JsonSchema.string().nullable().description("the final answer, shortened"))
            .required("transcript", TranscriptAnswer.SCHEMA.nullable()
                    .description("messages, tool calls, tool results and the final answer; null until stored"))
            .build();

    record Arguments(String runId) {
    }

    record Run(String agentId, @JsonUnwrapped RunSummary run, Instant scheduledAt, String summary,
               TranscriptAnswer transcript) {
    }

    private final ReadModelQueries queries;
    private final RunTranscripts transcripts;

    GetRunTool(ReadModelQueries queries, RunTranscripts transcripts) {
        this.queries = queries;
        this.transcripts = transcripts;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("get_run", "Show a run",
                "One run of one of your agents, with its transcript: the messages, the tool calls "
                        + "and their results, and the final answer.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(Arguments.class).runId();
    }

    @Override
    public Run execute(Caller caller, String runId) {
        RunView run = queries.findOne(new FindRun(runId, caller.userId()), RunView.class)
                .orElseThrow(() -> ToolFailure.notFound("run '" + runId + "' not found"));
        return new Run(run.agentId(), RunSummary.of(run), run.scheduledAt(), run.summary(), transcript(run));
    }

    private TranscriptAnswer transcript(RunView run) {
        if (run.transcriptRef() == null) {
            return null;
        }
        Optional<RunTranscript> stored;
        try {
            stored = transcripts.find(run.transcriptRef());
        } catch (RuntimeException unreadable) {
            log.warn("Transcript {} of run {} cannot be read: {}", run.transcriptRef(), run.runId(), unreadable.toString());
            throw ToolFailure.unavailable("the transcript of run '" + run.runId() + "' cannot be read now; retry later");
        }
        return stored.map(TranscriptAnswer::of).orElse(null);
    }
}
