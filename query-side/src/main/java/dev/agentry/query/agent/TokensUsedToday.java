package dev.agentry.query.agent;

import dev.agentry.command.api.BudgetDay;
import dev.agentry.query.api.AgentView;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The tokens an agent's runs used today, summed from the run history ({@code agent_runs}, whose
 * {@code started_at} is the start of each run as its budget day counts it), today being the agent's
 * {@link BudgetDay} at the moment of asking. Asked after the agent's row is read, one agent at a time.
 */
final class TokensUsedToday {

    private final JdbcClient jdbc;
    private final Clock clock;

    TokensUsedToday(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    AgentView added(AgentView agent) {
        BudgetDay today = BudgetDay.of(clock.instant(), agent.schedule());
        long tokens = jdbc.sql("""
                        SELECT COALESCE(SUM(input_tokens + output_tokens), 0) FROM agent_runs
                        WHERE agent_id = :agentId AND started_at >= :start AND started_at < :end""")
                .param("agentId", agent.agentId())
                .param("start", OffsetDateTime.ofInstant(today.start(), ZoneOffset.UTC))
                .param("end", OffsetDateTime.ofInstant(today.end(), ZoneOffset.UTC))
                .query(Long.class)
                .single();
        return agent.withTokensUsedToday(tokens);
    }
}
