package dev.agentry.infra.mcp.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.FindRun;
import dev.agentry.query.api.RunView;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

@Component
class GetRunTool implements McpTool<String> {

    private static final Logger log = LoggerFactory.getLogger(GetRunTool.class);
    static final int MAX_RUN_ID = 300;

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "run_id": {"type": "string", "minLength": 1, "maxLength": 300, "description": "id from run_agent_now or list_runs"}
              },
              "required": ["run_id"],
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "agent_id": {"type": "string"},
            %s,
                "scheduled_at": {"type": ["string", "null"], "format": "date-time",
                                 "description": "the fire time the run belongs to; for a manual run, when it was requested"},
                "summary": {"type": ["string", "null"], "description": "the final answer, shortened"},
                "transcript": {"description": "messages, tool calls, tool results and the final answer; null until stored"}
              },
              "required": ["agent_id", %s, "scheduled_at", "summary", "transcript"],
              "additionalProperties": false
            }""".formatted(RunJson.PROPERTIES, RunJson.REQUIRED);

    private final ReadModelQueries queries;
    private final ObjectProvider<RunTranscripts> transcripts;
    private final ObjectMapper json;

    GetRunTool(ReadModelQueries queries, ObjectProvider<RunTranscripts> transcripts, ObjectMapper json) {
        this.queries = queries;
        this.transcripts = transcripts;
        this.json = json;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("get_run", "Show a run",
                "One run of one of your agents, with its transcript: the messages, the tool calls "
                        + "and their results, and the final answer.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public String parse(ToolArguments arguments) {
        return arguments.requiredText("run_id", MAX_RUN_ID);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String runId) {
        RunView run = queries.findOne(new FindRun(runId, caller.userId()), RunView.class)
                .orElseThrow(() -> ToolFailure.notFound("run '" + runId + "' not found"));
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        result.put("agent_id", run.agentId());
        result.putAll(RunJson.summary(run));
        result.put("scheduled_at", RunJson.instant(run.scheduledAt()));
        result.put("summary", run.summary());
        result.put("transcript", transcript(run));
        return result;
    }

    private Object transcript(RunView run) {
        RunTranscripts store = transcripts.getIfAvailable();
        if (run.transcriptRef() == null || store == null) {
            return null;
        }
        Optional<byte[]> stored;
        try {
            stored = store.read(run.transcriptRef());
        } catch (RuntimeException unreadable) {
            log.warn("Transcript {} of run {} cannot be read: {}", run.transcriptRef(), run.runId(), unreadable.toString());
            throw ToolFailure.unavailable("the transcript of run '" + run.runId() + "' cannot be read now; retry later");
        }
        return stored.map(this::plainJson).orElse(null);
    }

    /** Plain JSON values for the structured result; a transcript that is not JSON is shown as text. */
    private Object plainJson(byte[] transcript) {
        try {
            return json.readValue(transcript, Object.class);
        } catch (JsonProcessingException notJson) {
            return new String(transcript, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
