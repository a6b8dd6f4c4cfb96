package dev.agentry.infra.mcp.slack;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

@Component
class GetSlackConnectionTool implements McpTool<Void> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object().build();

    private final SlackConnections connections;

    GetSlackConnectionTool(SlackConnections connections) {
        this.connections = connections;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("get_slack_connection", "Show your Slack connection",
                "The Slack workspace and bot you are connected as, and who receives failure notices; never the token.",
                INPUT_SCHEMA, SlackConnectionAnswer.SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public Void bind(ToolArguments arguments) {
        return null;
    }

    @Override
    public SlackConnectionAnswer execute(Caller caller, Void none) {
        return connections.find(caller.userId()).map(SlackConnectionAnswer::of).orElse(SlackConnectionAnswer.NONE);
    }
}
