package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.IssueApiToken;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.ApiTokens;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** The secret is returned once and never stored: the event carries only its hash. */
@Component
class IssueTokenTool implements McpTool<String> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "user_id": {"type": "string", "minLength": 1, "maxLength": 100, "description": "e.g. user-alice"}
              },
              "required": ["user_id"],
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "token_id": {"type": "string", "description": "public id, for revoke_token"},
                "token": {"type": "string", "description": "the secret bearer token; shown this once"}
              },
              "required": ["token_id", "token"],
              "additionalProperties": false
            }""";

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
    public String parse(ToolArguments arguments) {
        return arguments.requiredText("user_id", 100);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String userId) {
        String subject = "user '" + userId + "'";
        if (queries.findOne(new FindUser(userId), UserView.class).isEmpty()) {
            throw ToolFailure.notFound(subject + " not found");
        }
        String token = ApiTokens.newToken();
        String tokenId = ApiTokens.newTokenId();
        commands.send(new IssueApiToken(userId, tokenId, ApiTokens.sha256Hex(token)), caller, subject);
        // the holder may use the token right away
        queries.awaitOwnWrites();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token_id", tokenId);
        result.put("token", token);
        return result;
    }
}
