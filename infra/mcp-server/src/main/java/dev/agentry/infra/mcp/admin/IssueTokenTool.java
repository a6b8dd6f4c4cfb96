package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.IdentityLimits;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.ApiTokens;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;


/** The secret is returned once and never stored: the event carries only its hash. */
@Component
class IssueTokenTool implements McpTool<String> {

    /** {@code user-<username>} */
    static final JsonSchema USER_ID = JsonSchema.text(CreateUserTool.USER_ID_PREFIX.length() + IdentityLimits.USERNAME_MAX_LENGTH)
            .description("e.g. user-alice");

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object().required("user_id", USER_ID).build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("token_id", JsonSchema.string().description("public id, for revoke_token"))
            .required("token", JsonSchema.string().description("the secret bearer token; shown this once"))
            .build();

    record Arguments(String userId) {
    }

    record Issued(String tokenId, String token) {
    }

    private final CommandSender commands;
    private final ReadModelQueries queries;

    IssueTokenTool(CommandSender commands, ReadModelQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("issue_token", "Issue an API token",
                "Admin: issues a new bearer token for a user. The token is shown only in this answer.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.CREATES);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(Arguments.class).userId();
    }

    @Override
    public Issued execute(Caller caller, String userId) {
        String subject = "user '" + userId + "'";
        if (queries.findOne(new FindUser(userId), UserView.class).isEmpty()) {
            throw ToolFailure.notFound(subject + " not found");
        }
        String token = ApiTokens.newToken();
        String tokenId = ApiTokens.newTokenId();
        commands.send(new IssueApiToken(userId, tokenId, ApiTokens.sha256Hex(token)), caller, subject);
        // the holder may use the token right away
        queries.awaitOwnWrite(userId);
        return new Issued(tokenId, token);
    }
}
