package dev.agentry.infra.postgres.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every running node has a row in {@code platform_node} (id, host, version, role, started, last heartbeat),
 * kept fresh while it runs and removed when it stops; a row whose heartbeat is old is a node that died.
 */
@Component
public class NodeRegistry implements SmartLifecycle {

    /** The node is registered early and leaves last, after everything that could still be asked about it. */
    private static final int PHASE = Integer.MIN_VALUE + 1000;
    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);

    public record Node(String nodeId, String host, String version, NodeRole role, Instant startedAt, Instant lastHeartbeat) {
    }

    private final JdbcClient jdbc;
    private final NodeProperties properties;
    private final String nodeId = UUID.randomUUID().toString();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    NodeRegistry(JdbcClient jdbc, NodeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public String nodeId() {
        return nodeId;
    }

    public List<Node> nodes() {
        return jdbc.sql("SELECT node_id, host, version, role, started_at, last_heartbeat FROM platform_node ORDER BY started_at")
                .query((row, number) -> new Node(row.getString("node_id"), row.getString("host"), row.getString("version"),
                        NodeRole.valueOf(row.getString("role")), row.getTimestamp("started_at").toInstant(),
                        row.getTimestamp("last_heartbeat").toInstant()))
                .list();
    }

    @Override
    public void start() {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO platform_node (node_id, host, version, role, started_at, last_heartbeat) VALUES (?, ?, ?, ?, ?, ?)")
                .params(nodeId, host(), version(), properties.role().name(), now, now)
                .update();
        heartbeats = Executors.newSingleThreadScheduledExecutor(beat -> {
            Thread thread = new Thread(beat, "node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.heartbeatInterval().toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
        running = true;
        log.info("Node {} ({}) registered", nodeId, properties.role().name().toLowerCase());
    }

    private void heartbeat() {
        try {
            jdbc.sql("UPDATE platform_node SET last_heartbeat = ? WHERE node_id = ?")
                    .params(Timestamp.from(Instant.now()), nodeId).update();
        } catch (RuntimeException unreachable) {
            // the next beat tries again; a node that cannot reach its database shows as stale meanwhile
            log.warn("Heartbeat of node {} not recorded: {}", nodeId, unreachable.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        try {
            jdbc.sql("DELETE FROM platform_node WHERE node_id = ?").param(nodeId).update();
        } catch (RuntimeException unreachable) {
            log.warn("Node {} could not leave the node table: {}", nodeId, unreachable.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown";
        }
    }

    private static String version() {
        String version = NodeRegistry.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
