package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.reconciliation.RepairKind;
import dev.agentry.workflows.reconciliation.RepairListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;

/** {@code agentry.reconciliation.repairs}: every repair reconciliation made, by kind. */
final class RepairMetric implements RepairListener {

    static final AttributeKey<String> KIND = AttributeKey.stringKey("agentry.reconciliation.repair.kind");

    private final LongCounter repairs;

    RepairMetric(OpenTelemetry openTelemetry) {
        this.repairs = openTelemetry.getMeter("dev.agentry.reconciliation")
                .counterBuilder("agentry.reconciliation.repairs").setUnit("{repair}")
                .setDescription("Repairs made by reconciliation, by kind (orphan_restored, orphan_stopped, "
                        + "zombie_stopped, drift_corrected)")
                .build();
    }

    @Override
    public void repaired(RepairKind kind) {
        repairs.add(1, Attributes.of(KIND, kind.wireName()));
    }
}
