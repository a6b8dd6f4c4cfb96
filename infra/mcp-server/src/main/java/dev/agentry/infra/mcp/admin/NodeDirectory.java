package dev.agentry.infra.mcp.admin;

import java.time.Instant;
import java.util.List;

/** The platform's nodes as system_health shows them. */
public interface NodeDirectory {

    List<Node> nodes();

    record Node(String nodeId, String host, String version, String role, Instant startedAt, Instant lastHeartbeat) {
    }
}
