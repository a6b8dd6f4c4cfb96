package dev.agentry.command.api;

public enum AgentStatus {
    STOPPED, RUNNING, DELETED
}
