package dev.agentry.infra.mcp.admin;

import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;

/** This node alone: what answers system_health until a node registry lists every node. */
@Component
class ThisNode implements NodeDirectory {

    private final Node node;

    ThisNode() {
        String host = hostName();
        this.node = new Node(host + ":" + ProcessHandle.current().pid(), host, version(), "all",
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()), null);
    }

    @Override
    public List<Node> nodes() {
        // this node answers, so its heartbeat is now
        return List.of(new Node(node.nodeId(), node.host(), node.version(), node.role(), node.startedAt(), Instant.now()));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "localhost";
        }
    }

    private static String version() {
        String version = ThisNode.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
