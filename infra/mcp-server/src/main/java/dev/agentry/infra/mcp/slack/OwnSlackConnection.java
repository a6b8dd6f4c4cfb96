package dev.agentry.infra.mcp.slack;

import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import org.springframework.stereotype.Component;

/** The caller's own Slack connection, the only one a tool acts with. */
@Component
class OwnSlackConnection {

    private final SlackConnections connections;

    OwnSlackConnection(SlackConnections connections) {
        this.connections = connections;
    }

    /** @throws ToolFailure failed_precondition when the caller has not connected Slack */
    SlackConnections.Connected of(Caller caller) {
        try {
            return connections.connectedAs(caller.userId())
                    .orElseThrow(() -> ToolFailure.failedPrecondition(SlackToolFailures.CONNECT_FIRST));
        } catch (SlackFailure failure) {
            throw SlackToolFailures.of(failure, "the Slack connection");
        }
    }
}
