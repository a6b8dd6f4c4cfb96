package dev.agentry.infra.reconciliation;

import dev.agentry.workflows.reconciliation.ReconciliationReport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The report as the {@code reconcile} tool and {@code agentry reconcile} show it: snake_case JSON values. */
public final class ReconciliationReportJson {

    /** The JSON schema of {@link #of}, for the tool's output schema. */
    public static final String SCHEMA = """
            {
              "type": "object",
              "properties": {
                "dry_run": {"type": "boolean"},
                "orphan_policy": {"type": "string", "enum": ["stop", "restore"]},
                "temporal_available": {"type": "boolean"},
                "unavailable": {"type": "string", "description": "why Temporal could not be consulted"},
                "running_agents": {"type": "integer", "description": "agents RUNNING according to the events"},
                "open_schedules": {"type": "integer", "description": "open schedule workflows in Temporal"},
                "counts": {
                  "type": "object",
                  "properties": {
                    "orphans": {"type": "integer"}, "zombies": {"type": "integer"}, "drifted": {"type": "integer"},
                    "awaiting_sync": {"type": "integer"}, "repaired": {"type": "integer"}, "errors": {"type": "integer"}
                  },
                  "required": ["orphans", "zombies", "drifted", "awaiting_sync", "repaired", "errors"],
                  "additionalProperties": false
                },
                "orphans": {"type": "array", "items": {"type": "string"},
                            "description": "RUNNING agents without an open schedule"},
                "zombies": {"type": "array", "items": {"type": "string"},
                            "description": "open schedules of agents that are not RUNNING or unknown"},
                "drifted": {"type": "array", "items": {"type": "string"},
                            "description": "open schedules whose settings differ from the agent's"},
                "awaiting_sync": {"type": "array", "items": {"type": "string"},
                                  "description": "RUNNING agents whose schedule is still being started"},
                "repaired": {"type": "array", "items": {"type": "string"}},
                "errors": {"type": "array", "items": {"type": "string"}}
              },
              "required": ["dry_run", "orphan_policy", "temporal_available", "running_agents", "open_schedules",
                           "counts", "orphans", "zombies", "drifted", "awaiting_sync", "repaired", "errors"],
              "additionalProperties": false
            }""";

    private ReconciliationReportJson() {
    }

    public static Map<String, Object> of(ReconciliationReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dry_run", report.dryRun());
        json.put("orphan_policy", report.orphanPolicy().name().toLowerCase(Locale.ROOT));
        json.put("temporal_available", report.temporalAvailable());
        if (!report.temporalAvailable()) {
            json.put("unavailable", report.unavailable());
        }
        json.put("running_agents", report.runningAgents());
        json.put("open_schedules", report.openSchedules());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("orphans", report.orphans().size());
        counts.put("zombies", report.zombies().size());
        counts.put("drifted", report.drifted().size());
        counts.put("awaiting_sync", report.awaitingSync().size());
        counts.put("repaired", report.repaired().size());
        counts.put("errors", report.errors().size());
        json.put("counts", counts);
        json.put("orphans", report.orphans());
        json.put("zombies", report.zombies());
        json.put("drifted", report.drifted());
        json.put("awaiting_sync", report.awaitingSync());
        json.put("repaired", report.repaired());
        json.put("errors", report.errors());
        return json;
    }
}
