package dev.agentry.infra.mcp.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.ToolJson;
import dev.agentry.workflows.reconciliation.OrphanPolicy;
import dev.agentry.workflows.reconciliation.ReconciliationReport;

import java.util.List;
import java.util.Map;

import static dev.agentry.infra.mcp.JsonSchema.arrayOf;
import static dev.agentry.infra.mcp.JsonSchema.bool;
import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.string;

/** The report as the {@code reconcile} tool and {@code agentry reconcile} show it. */
public record ReconciliationReportAnswer(boolean dryRun, String orphanPolicy, boolean temporalAvailable,
                                         @JsonInclude(JsonInclude.Include.NON_NULL) String unavailable,
                                         int runningAgents, int openSchedules, Counts counts, List<String> orphans,
                                         List<String> zombies, List<String> drifted, List<String> awaitingSync,
                                         List<String> repaired, List<String> errors) {

    public record Counts(int orphans, int zombies, int drifted, int awaitingSync, int repaired, int errors) {
    }

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("dry_run", bool())
            .required("orphan_policy", JsonSchema.lowerCaseChoice(OrphanPolicy.class))
            .required("temporal_available", bool())
            .optional("unavailable", string().description("why Temporal could not be consulted"))
            .required("running_agents", integer().description("agents RUNNING according to the events"))
            .required("open_schedules", integer().description("open schedule workflows in Temporal"))
            .required("counts", JsonSchema.object()
                    .required("orphans", integer()).required("zombies", integer()).required("drifted", integer())
                    .required("awaiting_sync", integer()).required("repaired", integer()).required("errors", integer())
                    .build())
            .required("orphans", arrayOf(string()).description("RUNNING agents without an open schedule"))
            .required("zombies", arrayOf(string()).description("open schedules of agents that are not RUNNING or unknown"))
            .required("drifted", arrayOf(string()).description("open schedules whose settings differ from the agent's"))
            .required("awaiting_sync", arrayOf(string()).description("RUNNING agents whose schedule is still being started"))
            .required("repaired", arrayOf(string()))
            .required("errors", arrayOf(string()))
            .build();

    public static ReconciliationReportAnswer of(ReconciliationReport report) {
        return new ReconciliationReportAnswer(report.dryRun(), JsonSchema.lowerCase(report.orphanPolicy()),
                report.temporalAvailable(), report.temporalAvailable() ? null : report.unavailable(),
                report.runningAgents(), report.openSchedules(),
                new Counts(report.orphans().size(), report.zombies().size(), report.drifted().size(),
                        report.awaitingSync().size(), report.repaired().size(), report.errors().size()),
                report.orphans(), report.zombies(), report.drifted(), report.awaitingSync(), report.repaired(),
                report.errors());
    }

    /** The same JSON the tool answers, for the command line. */
    public Map<String, Object> toJson() {
        return ToolJson.answer(this);
    }
}
