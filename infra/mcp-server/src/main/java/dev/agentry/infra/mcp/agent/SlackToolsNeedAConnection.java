package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import org.springframework.stereotype.Component;

import java.util.List;

/** An agent may be given a Slack tool only when its owner has connected Slack, whose bot the tool acts as. */
@Component
class SlackToolsNeedAConnection {

    private final SlackConnections connections;

    SlackToolsNeedAConnection(SlackConnections connections) {
        this.connections = connections;
    }

    /** @param tools the agent's tools as asked for; null when they do not change */
    void check(Caller owner, List<String> tools) {
        if (tools == null) {
            return;
        }
        List<String> slackTools = tools.stream().filter(SlackLimits.AGENT_TOOLS::contains).toList();
        if (!slackTools.isEmpty() && connections.find(owner.userId()).isEmpty()) {
            throw ToolFailure.failedPrecondition("%s act through your Slack connection: connect Slack first with slack_connect"
                    .formatted(String.join(", ", slackTools)));
        }
    }
}
