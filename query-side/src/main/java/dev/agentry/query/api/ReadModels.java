package dev.agentry.query.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each read model: the name of the processor that projects it, and the tables it owns (its reset handlers
 * clear them, a rebuild refills them).
 */
public final class ReadModels {

    public static final String AGENT_STATUS = "agent-status";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String IDENTITY = "identity";
    public static final String MODEL_CATALOGUE = "model-catalogue";
    public static final String RUN_HISTORY = "run-history";

    /** processor name -> its tables, in the order a rebuild reports them */
    public static final Map<String, List<String>> TABLES = tables();

    /** Tables of the read-model schema that no projection writes: a rebuild leaves them as they are. */
    public static final List<String> NOT_PROJECTED = List.of("api_token_uses");

    private static Map<String, List<String>> tables() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put(AGENT_STATUS, List.of("agent_status"));
        tables.put(AUDIT_TRAIL, List.of("audit_log"));
        tables.put(IDENTITY, List.of("users", "api_tokens", "slack_connections"));
        tables.put(MODEL_CATALOGUE, List.of("catalogue_models"));
        tables.put(RUN_HISTORY, List.of("agent_runs", "agent_run_owners"));
        return Collections.unmodifiableMap(tables);
    }

    private ReadModels() {
    }
}
