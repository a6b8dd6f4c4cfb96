package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiToken;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

@Component
class RevokeTokenTool implements McpTool<String> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "token_id": {"type": "string", "minLength": 1, "maxLength": 100, "description": "the id issue_token answered"}
              },
              "required": ["token_id"],
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "token_id": {"type": "string"},
                "user_id": {"type": "string"},
                "revoked": {"type": "boolean", "const": true}
              },
              "required": ["token_id", "user_id", "revoked"],
              "additionalProperties": false
            }""";

    private final CommandSender commands;
    private final ReadModelQueries queries;

    RevokeTokenTool(CommandSender commands, ReadModelQueries queries) {
        this.commands = commands;
        this.queries = queries;
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
    public String parse(ToolArguments arguments) {
        return arguments.requiredText("token_id", 100);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String tokenId) {
        String subject = "token '" + tokenId + "'";
        ApiTokenView token = queries.findOne(new FindApiToken(tokenId), ApiTokenView.class)
                .orElseThrow(() -> ToolFailure.notFound(subject + " not found"));
        String userId = token.user().userId();
        if (!token.revoked()) {
            commands.send(new RevokeApiToken(userId, tokenId), caller, subject);
            // from the next request on, the token is refused
            queries.awaitOwnWrites();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("token_id", tokenId);
        result.put("user_id", userId);
        result.put("revoked", true);
        return result;
    }
}
