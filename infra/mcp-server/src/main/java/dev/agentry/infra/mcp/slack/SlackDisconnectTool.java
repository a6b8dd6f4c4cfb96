package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.DisconnectSlack;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.query.api.SlackConnectionView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Removes the caller's connection and deletes its token; without a connection it changes nothing. */
@Component
class SlackDisconnectTool implements McpTool<Void> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object().build();

    private final SlackConnections connections;
    private final CommandSender commands;
    private final ReadModelQueries queries;

    SlackDisconnectTool(SlackConnections connections, CommandSender commands, ReadModelQueries queries) {
        this.connections = connections;
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_disconnect", "Disconnect Slack",
                "Removes your Slack connection and deletes its token; your agents' Slack tools stop working "
                        + "until you connect again. Without a connection it changes nothing.",
                INPUT_SCHEMA, SlackConnectionAnswer.SCHEMA, ToolHints.REMOVES_IDEMPOTENTLY);
    }

    @Override
    public Void bind(ToolArguments arguments) {
        return null;
    }

    @Override
    public SlackConnectionAnswer execute(Caller caller, Void none) {
        Optional<SlackConnectionView> connection = connections.find(caller.userId());
        if (connection.isPresent()) {
            commands.send(new DisconnectSlack(caller.userId()), caller, "user '" + caller.userId() + "'");
            connections.deleteToken(connection.get().secretId());
            queries.awaitOwnWrite(caller.userId());
        }
        return SlackConnectionAnswer.NONE;
    }
}
