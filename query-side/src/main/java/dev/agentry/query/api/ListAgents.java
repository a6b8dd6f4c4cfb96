package dev.agentry.query.api;

import dev.agentry.command.api.AgentStatus;

/** @param status null for every agent that is not DELETED */
public record ListAgents(String ownerId, AgentStatus status) {
}
