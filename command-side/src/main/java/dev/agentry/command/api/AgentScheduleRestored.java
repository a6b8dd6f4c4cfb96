package dev.agentry.command.api;

/** Reconciliation restarted a lost schedule from the event-sourced configuration. */
public record AgentScheduleRestored(String agentId) {
}
