package dev.agentry.infra.llm.circuit;

import dev.agentry.infra.postgres.node.NodeProperties;
import dev.agentry.infra.postgres.node.NodeRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each node's breakers as the {@code provider_circuit} table records them, so that every node, an API node
 * that calls no model included, can say which providers are sidelined and where. Rows of a node whose
 * heartbeat is older than three intervals are a dead node's and count no more. Without a node registry
 * (the providers configured on their own) nothing is recorded.
 */
public final class RecordedProviderCircuits implements ProviderCircuitBreakers.Transitions {

    private static final Logger log = LoggerFactory.getLogger(RecordedProviderCircuits.class);

    private final JdbcClient jdbc;
    private final NodeRegistry node;
    private final Duration staleAfter;

    public RecordedProviderCircuits(JdbcClient jdbc, NodeRegistry node, NodeProperties nodes) {
        this.jdbc = jdbc;
        this.node = node;
        this.staleAfter = nodes == null ? Duration.ofSeconds(30) : nodes.heartbeatInterval().multipliedBy(3);
    }

    @Override
    public void changed(String provider, CircuitBreaker.State state, String reason) {
        if (node == null || jdbc == null) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO provider_circuit (node_id, provider, state, reason, changed_at)
                            VALUES (:node, :provider, :state, :reason, :at)
                            ON CONFLICT (node_id, provider)
                            DO UPDATE SET state = EXCLUDED.state, reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at
                            """)
                    .param("node", node.nodeId())
                    .param("provider", provider)
                    .param("state", state.name())
                    .param("reason", reason)
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
        } catch (RuntimeException unrecorded) {
            // the breaker itself works on; other nodes learn of it with the next change
            log.warn("Circuit breaker of {} ({}) not recorded: {}", provider, state, unrecorded.toString());
        }
    }

    /** Providers whose breaker is open on a live node, each with its reason and the nodes it is open on. */
    public Map<String, String> openOnLiveNodes() {
        Map<String, String> open = new TreeMap<>();
        if (node == null || jdbc == null) {
            return open;
        }
        jdbc.sql("""
                        SELECT c.provider, c.reason, n.host, n.node_id FROM provider_circuit c
                        JOIN platform_node n ON n.node_id = c.node_id
                        WHERE c.state = 'OPEN' AND n.last_heartbeat > :liveSince
                        ORDER BY c.provider, c.changed_at
                        """)
                .param("liveSince", Timestamp.from(Instant.now().minus(staleAfter)))
                .query((row, number) -> Map.entry(row.getString("provider"),
                        row.getString("reason") + " (on node " + row.getString("host") + " " + row.getString("node_id") + ")"))
                .list()
                .forEach(entry -> open.putIfAbsent(entry.getKey(), entry.getValue()));
        return open;
    }
}
