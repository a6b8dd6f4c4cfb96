package dev.agentry.query.api;

import dev.agentry.command.api.AgentSettingsLimits;
import dev.agentry.command.api.AgentStatus;

import java.time.Instant;

/**
 * One page of an owner's agents, oldest first (creation time, then id): an agent created while someone
 * pages through lands after every page already read, so pages never repeat or skip an agent.
 *
 * @param status     null for every agent that is not DELETED
 * @param namePrefix null for any name; else only names that start with it (case-sensitive)
 * @param after      null for the first page; else the position of the last agent of the previous page
 * @param limit      at most this many agents, between 1 and {@link #MAX_LIMIT}
 */
public record ListAgents(String ownerId, AgentStatus status, String namePrefix, Position after, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final int NAME_PREFIX_MAX_LENGTH = AgentSettingsLimits.NAME_MAX_LENGTH;

    /** Where an agent lies in the listing order. */
    public record Position(Instant createdAt, String agentId) {

        public static Position of(AgentView agent) {
            return new Position(agent.createdAt(), agent.agentId());
        }
    }

    public ListAgents {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
    }

    /** The first page, as large as a page can be, of every agent in the status (null: not DELETED). */
    public ListAgents(String ownerId, AgentStatus status) {
        this(ownerId, status, null, null, MAX_LIMIT);
    }
}
