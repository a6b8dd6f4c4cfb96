package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.ConnectSlack;
import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.BotToken;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.infra.slack.SlackRecords;
import dev.agentry.infra.slack.SlackWebApi;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

/**
 * Checks a bot token with {@code auth.test}, keeps it as a secret and records the connection (its reference
 * only). A refused token stores nothing; a new connection replaces the caller's previous one.
 */
@Component
class SlackConnectTool implements McpTool<SlackConnectTool.Arguments> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("bot_token", JsonSchema.text(SlackLimits.TOKEN_MAX_LENGTH)
                    .description("the Slack app's bot token (xoxb-...); stored encrypted, never shown again"))
            .optional("notify_user", JsonSchema.text(SlackLimits.USER_REFERENCE_MAX_LENGTH).nullable()
                    .description("Slack user id, e-mail or name that receives your agents' failure notices"))
            .build();

    record Arguments(String botToken, String notifyUser) {
    }

    private final SlackWebApi slack;
    private final SlackConnections connections;
    private final CommandSender commands;
    private final ReadModelQueries queries;

    SlackConnectTool(SlackWebApi slack, SlackConnections connections, CommandSender commands, ReadModelQueries queries) {
        this.slack = slack;
        this.connections = connections;
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_connect", "Connect Slack",
                "Connects you to a Slack workspace through its app's bot token, checked with Slack first. "
                        + "Your Slack tools and your agents' Slack tools act as that bot. Replaces an earlier connection.",
                INPUT_SCHEMA, SlackConnectionAnswer.SCHEMA, ToolHints.CONNECTS_OUTSIDE);
    }

    @Override
    public Arguments bind(ToolArguments arguments) {
        Arguments bound = arguments.as(Arguments.class);
        if (bound.botToken().isBlank()) {
            throw ToolFailure.invalidArgument("bot_token is required");
        }
        return bound;
    }

    @Override
    public SlackConnectionAnswer execute(Caller caller, Arguments arguments) {
        BotToken token = new BotToken(arguments.botToken().trim());
        SlackRecords.Workspace workspace;
        String notifyUser = null;
        try {
            workspace = slack.checkToken(token);
        } catch (SlackFailure failure) {
            throw failure.kind() == SlackFailure.Kind.REFUSED_TOKEN
                    ? ToolFailure.invalidArgument("Slack refused the token (%s)".formatted(failure.slackError()))
                    : SlackToolFailures.of(failure, "the workspace");
        }
        if (arguments.notifyUser() != null && !arguments.notifyUser().isBlank()) {
            try {
                notifyUser = slack.findUser(token, arguments.notifyUser()).id();
            } catch (SlackFailure failure) {
                throw SlackToolFailures.of(failure, "notify_user '%s'".formatted(arguments.notifyUser().trim()));
            }
        }
        java.util.Optional<String> superseded = connections.find(caller.userId()).map(view -> view.secretId());
        String secretId = connections.storeToken(token);
        try {
            commands.send(new ConnectSlack(caller.userId(), workspace.teamId(), workspace.teamName(), workspace.botUserId(),
                    notifyUser, secretId), caller, "user '" + caller.userId() + "'");
        } catch (RuntimeException notRecorded) {
            connections.deleteToken(secretId);
            throw notRecorded;
        }
        // the event names the superseded token too, so a token left behind by a crash here can be found
        superseded.ifPresent(connections::deleteToken);
        queries.awaitOwnWrite(caller.userId());
        return new SlackConnectionAnswer(true, workspace.teamId(), workspace.teamName(), workspace.botUserId(), notifyUser);
    }
}
