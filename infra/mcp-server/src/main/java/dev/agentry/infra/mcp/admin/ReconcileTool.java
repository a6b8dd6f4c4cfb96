package dev.agentry.infra.mcp.admin;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.workflows.reconciliation.Reconciliation;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;


/**
 * Compares the agents' events with their schedules in Temporal and repairs the differences, or with
 * {@code dry_run} only reports them. Temporal being unreachable before anything was repaired is
 * {@code unavailable}; once repairs began, the report tells what was done.
 */
@Component
class ReconcileTool implements McpTool<ReconcileTool.Request> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .optional("dry_run", JsonSchema.bool().defaultValue(false)
                    .description("report what would be repaired without changing anything"))
            .build();

    record Request(Boolean dryRun) {

        boolean isDryRun() {
            return Boolean.TRUE.equals(dryRun);
        }
    }

    private final ObjectProvider<Reconciliation> reconciliation;

    ReconcileTool(ObjectProvider<Reconciliation> reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("reconcile", "Reconcile agents with Temporal",
                "Admin: finds RUNNING agents without a schedule (orphans: stopped or restored by the orphan "
                        + "policy), schedules of agents that are not running (zombies: stopped) and schedules with "
                        + "outdated settings (drift: corrected). With dry_run it only reports.",
                INPUT_SCHEMA, ReconciliationReportAnswer.SCHEMA, ToolHints.REMOVES_IDEMPOTENTLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Request bind(ToolArguments arguments) {
        return arguments.as(Request.class);
    }

    @Override
    public ReconciliationReportAnswer execute(Caller caller, Request request) {
        Reconciliation available = reconciliation.getIfAvailable();
        if (available == null) {
            throw ToolFailure.failedPrecondition("this platform runs without Temporal, so there is nothing to reconcile");
        }
        ReconciliationReport report = available.reconcile(request.isDryRun());
        if (!report.temporalAvailable() && report.repaired().isEmpty()) {
            throw ToolFailure.unavailable(report.unavailable() + "; nothing was changed, retry later");
        }
        return ReconciliationReportAnswer.of(report);
    }
}
