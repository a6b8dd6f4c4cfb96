package dev.agentry.infra.mcp.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentry.infra.mcp.JsonSchema;

import java.util.List;
import java.util.Map;

import static dev.agentry.infra.mcp.JsonSchema.arrayOf;
import static dev.agentry.infra.mcp.JsonSchema.bool;
import static dev.agentry.infra.mcp.JsonSchema.choice;
import static dev.agentry.infra.mcp.JsonSchema.dateTime;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.string;

/** What system_health answers. */
record SystemHealthAnswer(String status, List<String> reasons, List<NodeAnswer> nodes, List<ProcessorAnswer> processors,
                          TemporalAnswer temporal, PostgresAnswer postgres, Long runsInProgress, ErrorRates errorRates) {

    record NodeAnswer(String nodeId, String host, String version, String role, String startedAt, String lastHeartbeat) {
    }

    /** @param position the least advanced claimed segment's global index; null before the first event */
    record ProcessorAnswer(String name, Long position, Long lag, int segmentsClaimed, String status,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String lastError) {
    }

    record TemporalAnswer(boolean reachable, String namespace, String taskQueue, Object pollers, Object backlog,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    record PostgresAnswer(boolean reachable, Integer poolInUse, Integer poolMax,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String error) {
    }

    /** @param failedRuns null when the run history could not be read */
    record Window(Long failedRuns, Map<String, Long> mcpErrors, Map<String, Long> runFailuresByKind) {
    }

    record ErrorRates(@JsonProperty("last_15_minutes") Window last15Minutes, Window lastHour) {
    }

    private static final JsonSchema COUNTS = JsonSchema.object().with("additionalProperties", integer().toMap()).build();
    private static final JsonSchema WINDOW = JsonSchema.object()
            .required("failed_runs", integer().nullable())
            .required("mcp_errors", COUNTS.description("MCP calls answered with each error code, on this node"))
            .required("run_failures_by_kind", COUNTS.description("failed runs by error kind (rate_limited, timeout, ...)"))
            .build();
    private static final JsonSchema UNKNOWN_OR_COUNT = JsonSchema.anyOf(integer(), choice(List.of("unknown")));

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("status", choice(List.of("ok", "degraded", "down")))
            .required("reasons", arrayOf(string()).description("why the status is not ok"))
            .required("nodes", arrayOf(JsonSchema.object()
                    .required("node_id", string()).required("host", string()).required("version", string())
                    .required("role", string()).required("started_at", dateTime()).required("last_heartbeat", dateTime())
                    .build()))
            .required("processors", arrayOf(JsonSchema.object()
                    .required("name", string())
                    .required("position", integer().nullable().description("global index reached by the least advanced segment"))
                    .required("lag", integer().nullable().description("events in the store it has still to process"))
                    .required("segments_claimed", integer().description("segments this node processes"))
                    .required("status", choice(List.of("running", "error", "stopped")))
                    .optional("last_error", string())
                    .build()))
            .required("temporal", JsonSchema.object()
                    .required("reachable", bool()).required("namespace", string()).required("task_queue", string())
                    .required("pollers", UNKNOWN_OR_COUNT).required("backlog", UNKNOWN_OR_COUNT)
                    .optional("error", string())
                    .build())
            .required("postgres", JsonSchema.object()
                    .required("reachable", bool())
                    .required("pool_in_use", integer().nullable()).required("pool_max", integer().nullable())
                    .optional("error", string())
                    .build())
            .required("runs_in_progress", integer().nullable())
            .required("error_rates", JsonSchema.object()
                    .required("last_15_minutes", WINDOW).required("last_hour", WINDOW).build())
            .build();
}
