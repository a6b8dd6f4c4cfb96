package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.IdentityLimits;
import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.BearerTokenAuthenticator;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiToken;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;


@Component
class RevokeTokenTool implements McpTool<String> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("token_id", JsonSchema.text(IdentityLimits.TOKEN_ID_MAX_LENGTH).description("the id issue_token answered"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("token_id", JsonSchema.string())
            .required("user_id", JsonSchema.string())
            .required("revoked", JsonSchema.bool().with("const", true))
            .build();

    record Arguments(String tokenId) {
    }

    record Revoked(String tokenId, String userId, boolean revoked) {
    }

    private final CommandSender commands;
    private final ReadModelQueries queries;
    private final BearerTokenAuthenticator authenticator;

    RevokeTokenTool(CommandSender commands, ReadModelQueries queries, BearerTokenAuthenticator authenticator) {
        this.commands = commands;
        this.queries = queries;
        this.authenticator = authenticator;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("revoke_token", "Revoke an API token",
                "Admin: revokes a token; requests that carry it are refused from now on. "
                        + "Revoking a revoked token changes nothing.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.REMOVES_IDEMPOTENTLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(Arguments.class).tokenId();
    }

    @Override
    public Revoked execute(Caller caller, String tokenId) {
        String subject = "token '" + tokenId + "'";
        ApiTokenView token = queries.findOne(new FindApiToken(tokenId), ApiTokenView.class)
                .orElseThrow(() -> ToolFailure.notFound(subject + " not found"));
        String userId = token.user().userId();
        if (!token.revoked()) {
            commands.send(new RevokeApiToken(userId, tokenId), caller, subject);
            queries.awaitOwnWrite(userId);
        }
        // from the next request on, the token is refused on every node, also where it was accepted a moment ago
        authenticator.awaitRevocationOnEveryNode();
        return new Revoked(tokenId, userId, true);
    }
}
