package dev.agentry.workflows.reconciliation;

/** Told of every repair reconciliation makes, e.g. to count repairs by kind as a metric. */
@FunctionalInterface
public interface RepairListener {

    RepairListener NONE = kind -> {
    };

    void repaired(RepairKind kind);
}
