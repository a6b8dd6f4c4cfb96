package dev.agentry.query.agent;

import dev.agentry.command.api.BudgetDay;
import dev.agentry.query.api.AgentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens an agent's runs used today, summed from the run history ({@code agent_runs}, whose
 * {@code started_at} is the start of each run as its budget day counts it), today being the agent's
 * {@link BudgetDay} at the moment of asking. A page of agents is answered by one grouped query: each agent
 * brings its own day, as agents in different timezones have different days.
 */
final class TokensUsedToday {

    // the days' bounds travel as ISO-8601 instants ("...Z"), which PostgreSQL reads as timestamptz exactly
    private static final String SUM_PER_AGENT = """
            SELECT day.agent_id, COALESCE(SUM(r.input_tokens + r.output_tokens), 0) AS tokens
            FROM unnest(:agentIds, :starts, :ends) AS day(agent_id, starts_at, ends_at)
            LEFT JOIN agent_runs r ON r.agent_id = day.agent_id
                AND r.started_at >= day.starts_at::timestamptz AND r.started_at < day.ends_at::timestamptz
            GROUP BY day.agent_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    TokensUsedToday(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    AgentView added(AgentView agent) {
        return addedTo(List.of(agent)).get(0);
    }

    /** The agents in the same order, each with today's tokens. */
    List<AgentView> addedTo(List<AgentView> agents) {
        if (agents.isEmpty()) {
            return agents;
        }
        int count = agents.size();
        String[] agentIds = new String[count];
        String[] starts = new String[count];
        String[] ends = new String[count];
        for (int i = 0; i < count; i++) {
            AgentView agent = agents.get(i);
            BudgetDay today = BudgetDay.of(clock.instant(), agent.schedule());
            agentIds[i] = agent.agentId();
            starts[i] = today.start().toString();
            ends[i] = today.end().toString();
        }
        Map<String, Long> tokens = new HashMap<>();
        jdbc.sql(SUM_PER_AGENT)
                .param("agentIds", new SqlArrayValue("text", (Object[]) agentIds))
                .param("starts", new SqlArrayValue("text", (Object[]) starts))
                .param("ends", new SqlArrayValue("text", (Object[]) ends))
                .query(row -> {
                    tokens.put(row.getString("agent_id"), row.getLong("tokens"));
                });
        return agents.stream().map(agent -> agent.withTokensUsedToday(tokens.getOrDefault(agent.agentId(), 0L))).toList();
    }
}
