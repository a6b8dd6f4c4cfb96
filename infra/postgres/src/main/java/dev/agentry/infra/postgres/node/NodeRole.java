package dev.agentry.infra.postgres.node;

/** What a platform process does; the reference deployment runs api nodes beside worker nodes. */
public enum NodeRole {
    /** Everything: the MCP endpoint, the read models, the Temporal worker, temporal-sync and reconciliation. */
    ALL,
    /** The MCP endpoint and the read models; no Temporal worker, no temporal-sync. */
    API,
    /** The Temporal worker, temporal-sync and reconciliation at startup; no MCP endpoint. */
    WORKER
}
