package dev.agentry.infra.mcp.admin;

import dev.agentry.infra.postgres.node.NodeRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Every node registered in the shared node table, with its last heartbeat, as system_health shows them. */
@Component
class RegisteredNodes implements NodeDirectory {

    private final ObjectProvider<NodeRegistry> registry;

    RegisteredNodes(ObjectProvider<NodeRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public List<Node> nodes() {
        NodeRegistry nodes = registry.getIfAvailable();
        if (nodes == null) {
            return List.of();
        }
        return nodes.nodes().stream()
                .map(node -> new Node(node.nodeId(), node.host(), node.version(), node.role().name().toLowerCase(Locale.ROOT),
                        node.startedAt(), node.lastHeartbeat()))
                .toList();
    }
}
