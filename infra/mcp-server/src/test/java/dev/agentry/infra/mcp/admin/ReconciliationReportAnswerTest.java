package dev.agentry.infra.mcp.admin;

import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.workflows.reconciliation.OrphanPolicy;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationReportAnswerTest {

    @Test
    void aPartialReportCarriesWhyTemporalWasUnavailableWithCountsAndIdsInSnakeCase() throws Exception {
        ReconciliationReport report = new ReconciliationReport(false, OrphanPolicy.RESTORE,
                "Temporal is unavailable (UNAVAILABLE): io exception", 3, 1, List.of("a1", "a2"), List.of("z1"),
                List.of(), List.of("s1"), List.of("a1"), List.of("agent 'a2': not repaired: timeout"));

        Map<String, Object> json = ReconciliationReportAnswer.of(report).toJson();

        assertThat(json).containsEntry("dry_run", false).containsEntry("orphan_policy", "restore")
                .containsEntry("temporal_available", false)
                .containsEntry("unavailable", "Temporal is unavailable (UNAVAILABLE): io exception")
                .containsEntry("running_agents", 3).containsEntry("open_schedules", 1)
                .containsEntry("orphans", List.of("a1", "a2")).containsEntry("zombies", List.of("z1"))
                .containsEntry("awaiting_sync", List.of("s1")).containsEntry("repaired", List.of("a1"))
                .containsEntry("counts", Map.of("orphans", 2, "zombies", 1, "drifted", 0, "awaiting_sync", 1,
                        "repaired", 1, "errors", 1));
        assertThat(matchesTheSchema(json)).isTrue();
    }

    @Test
    void aCompleteReportLeavesOutTheUnavailableReason() throws Exception {
        ReconciliationReport report = new ReconciliationReport(true, OrphanPolicy.STOP, null, 0, 0,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        Map<String, Object> json = ReconciliationReportAnswer.of(report).toJson();

        assertThat(json).containsEntry("temporal_available", true).doesNotContainKey("unavailable");
        assertThat(matchesTheSchema(json)).isTrue();
    }

    @SuppressWarnings("unchecked")
    private static boolean matchesTheSchema(Map<String, Object> json) throws Exception {
        JsonSchemaValidator.ValidationResponse validation = ToolCalls.SCHEMAS.validate(ReconciliationReportAnswer.SCHEMA.toMap(), json);
        return validation.valid();
    }
}
