package dev.agentry.query.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.ListAgents;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Answers agent queries from {@code agent_status}, only ever for the agent's owner. */
@Component
class AgentQueries {

    // LEFT JOIN: the identity projection runs separately and may not have the owner yet
    private static final String SELECT_VIEW = """
            SELECT a.*, u.username AS owner
            FROM agent_status a LEFT JOIN users u ON u.user_id = a.owner_id
            """;

    private final JdbcClient jdbc;
    private final AgentViewRowMapper rows;
    private final TokensUsedToday tokensUsedToday;

    /** @param clock the application's {@link Clock} bean if it declares one (tests do), else the system clock */
    AgentQueries(JdbcClient jdbc, ObjectMapper json, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        Clock now = clock.getIfAvailable(Clock::systemUTC);
        this.rows = new AgentViewRowMapper(json, new NextRunTime(now));
        this.tokensUsedToday = new TokensUsedToday(jdbc, now);
    }

    /**
     * Null when the agent is unknown, owned by someone else or DELETED. Callers ask with
     * {@code ResponseTypes.optionalInstanceOf(AgentView.class)} and get an empty Optional then.
     */
    @QueryHandler
    AgentView find(FindAgent query) {
        return jdbc.sql(SELECT_VIEW + " WHERE a.agent_id = :agentId AND a.owner_id = :ownerId AND a.status <> 'DELETED'")
                .param("agentId", query.agentId())
                .param("ownerId", query.ownerId())
                .query(rows)
                .optional()
                .map(tokensUsedToday::added)
                .orElse(null);
    }

    /** Callers ask with {@code ResponseTypes.multipleInstancesOf(AgentView.class)}. */
    @QueryHandler
    List<AgentView> list(ListAgents query) {
        StringBuilder where = new StringBuilder(" WHERE a.owner_id = :ownerId AND ")
                .append(query.status() == null ? "a.status <> 'DELETED'" : "a.status = :status");
        if (query.namePrefix() != null) {
            where.append(" AND starts_with(a.name, :namePrefix)");
        }
        if (query.after() != null) {
            where.append(" AND (a.created_at, a.agent_id) > (:afterCreatedAt, :afterAgentId)");
        }
        JdbcClient.StatementSpec select = jdbc.sql(SELECT_VIEW + where
                        + " ORDER BY a.created_at, a.agent_id LIMIT :limit")
                .param("ownerId", query.ownerId())
                .param("limit", query.limit());
        if (query.status() != null) {
            select = select.param("status", query.status().name());
        }
        if (query.namePrefix() != null) {
            select = select.param("namePrefix", query.namePrefix());
        }
        if (query.after() != null) {
            select = select.param("afterCreatedAt", OffsetDateTime.ofInstant(query.after().createdAt(), ZoneOffset.UTC))
                    .param("afterAgentId", query.after().agentId());
        }
        return tokensUsedToday.addedTo(select.query(rows).list());
    }
}
