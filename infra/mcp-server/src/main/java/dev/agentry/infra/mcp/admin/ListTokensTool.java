package dev.agentry.infra.mcp.admin;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.ApiTokenSummary;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.ListApiTokens;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** What an admin needs to decide which tokens to revoke; never a secret or its hash. */
@Component
class ListTokensTool implements McpTool<String> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object().required("user_id", IssueTokenTool.USER_ID).build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("tokens", JsonSchema.arrayOf(JsonSchema.object()
                    .required("token_id", JsonSchema.string().description("public id, for revoke_token"))
                    .required("created_at", JsonSchema.dateTime())
                    .required("expires_at", JsonSchema.dateTime().nullable().description("null: it does not expire"))
                    .required("last_used_at", JsonSchema.dateTime().nullable()
                            .description("when it last authenticated a request, to the minute; null: never"))
                    .required("revoked", JsonSchema.bool())
                    .build()))
            .build();

    record Arguments(String userId) {
    }

    record Token(String tokenId, Instant createdAt, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
        static Token of(ApiTokenSummary summary) {
            return new Token(summary.tokenId(), summary.issuedAt(), summary.expiresAt(), summary.lastUsedAt(), summary.revoked());
        }
    }

    record Tokens(List<Token> tokens) {
    }

    private final ReadModelQueries queries;

    ListTokensTool(ReadModelQueries queries) {
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("list_tokens", "List a user's API tokens",
                "Admin: the API tokens issued to a user, oldest first: when each was created, when it expires, "
                        + "when it was last used and whether it is revoked. Never the tokens themselves.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
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
    public Tokens execute(Caller caller, String userId) {
        if (queries.findOne(new FindUser(userId), UserView.class).isEmpty()) {
            throw ToolFailure.notFound("user '" + userId + "' not found");
        }
        return new Tokens(queries.findAll(new ListApiTokens(userId), ApiTokenSummary.class).stream().map(Token::of).toList());
    }
}
