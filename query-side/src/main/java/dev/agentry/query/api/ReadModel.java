package dev.agentry.query.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model: the name of the processor that projects it, and the tables it owns (its reset handlers clear
 * them, a rebuild refills them).
 */
public record ReadModel(String name, List<String> tables) {

    public static final String AGENT_STATUS = "agent-status";
    public static final String AUDIT_TRAIL = "audit-trail";
    public static final String IDENTITY = "identity";
    public static final String MODEL_CATALOGUE = "model-catalogue";
    public static final String RUN_HISTORY = "run-history";

    /** Every read model, in the order a rebuild reports them. */
    public static final List<ReadModel> ALL = List.of(
            new ReadModel(AGENT_STATUS, List.of("agent_status")),
            new ReadModel(AUDIT_TRAIL, List.of("audit_log")),
            new ReadModel(IDENTITY, List.of("users", "api_tokens", "slack_connections")),
            new ReadModel(MODEL_CATALOGUE, List.of("catalogue_models")),
            new ReadModel(RUN_HISTORY, List.of("agent_runs", "agent_run_owners")));

    /** read-model name -> its tables, in the order of {@link #ALL} */
    public static final Map<String, List<String>> TABLES = tablesByName();

    /** Tables of the read-model schema that no projection writes: a rebuild leaves them as they are. */
    public static final List<String> NOT_PROJECTED = List.of("api_token_uses");

    public ReadModel {
        tables = List.copyOf(tables);
    }

    private static Map<String, List<String>> tablesByName() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        ALL.forEach(model -> tables.put(model.name(), model.tables()));
        return Collections.unmodifiableMap(tables);
    }
}
