package dev.agentry.infra.mcp.run;

import dev.agentry.query.api.RunView;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A run as the run tools answer it. */
final class RunJson {

    /** The properties of a run in list_runs; get_run adds more. */
    static final String PROPERTIES = """
            "run_id": {"type": "string"},
            "trigger": {"type": "string", "enum": ["SCHEDULE", "MANUAL", "CATCH_UP"]},
            "outcome": {"type": "string", "enum": ["SUCCEEDED", "FAILED", "SKIPPED", "RUNNING"]},
            "started_at": {"type": ["string", "null"], "format": "date-time",
                           "description": "for a scheduled run, the fire time it belongs to"},
            "finished_at": {"type": ["string", "null"], "format": "date-time"},
            "model": {"type": ["string", "null"], "description": "canonical model name"},
            "input_tokens": {"type": "integer", "minimum": 0},
            "output_tokens": {"type": "integer", "minimum": 0},
            "error": {"type": "string", "description": "why a FAILED run failed: a kind such as RATE_LIMITED, a colon, a message"}""";

    static final String REQUIRED =
            "\"run_id\", \"trigger\", \"outcome\", \"started_at\", \"finished_at\", \"model\", \"input_tokens\", \"output_tokens\"";

    private RunJson() {
    }

    static Map<String, Object> summary(RunView run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", run.runId());
        json.put("trigger", run.trigger().name());
        json.put("outcome", run.outcome());
        json.put("started_at", instant(run.startedAt()));
        json.put("finished_at", instant(run.finishedAt()));
        json.put("model", run.model());
        json.put("input_tokens", run.inputTokens());
        json.put("output_tokens", run.outputTokens());
        if (run.errorKind() != null || run.errorMessage() != null) {
            json.put("error", error(run));
        }
        return json;
    }

    private static String error(RunView run) {
        if (run.errorKind() == null) {
            return run.errorMessage();
        }
        return run.errorMessage() == null ? run.errorKind() : run.errorKind() + ": " + run.errorMessage();
    }

    static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
