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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;


/** The secret is returned once and never stored: the event carries only its hash. */
@Component
class IssueTokenTool implements McpTool<IssueTokenTool.Arguments> {

    /** {@code user-<username>} */
    static final JsonSchema USER_ID = JsonSchema.text(CreateUserTool.USER_ID_PREFIX.length() + IdentityLimits.USERNAME_MAX_LENGTH)
            .description("e.g. user-alice");

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("user_id", USER_ID)
            .optional("expires_in_days", JsonSchema.integer(1, IdentityLimits.TOKEN_EXPIRY_MAX_DAYS)
                    .description("the token stops working this many days from now; leave out for a token that does not expire"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("token_id", JsonSchema.string().description("public id, for revoke_token"))
            .required("token", JsonSchema.string().description("the secret bearer token; shown this once"))
            .required("expires_at", JsonSchema.dateTime().nullable().description("null: it does not expire"))
            .build();

    record Arguments(String userId, Integer expiresInDays) {
    }

    record Issued(String tokenId, String token, Instant expiresAt) {
    }

    private final CommandSender commands;
    private final ReadModelQueries queries;
    private final Clock clock;

    /** @param clock the application's {@link Clock} bean if it declares one (tests do), else the system clock */
    @Autowired
    IssueTokenTool(CommandSender commands, ReadModelQueries queries, ObjectProvider<Clock> clock) {
        this(commands, queries, clock.getIfAvailable(Clock::systemUTC));
    }

    IssueTokenTool(CommandSender commands, ReadModelQueries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("issue_token", "Issue an API token",
                "Admin: issues a new bearer token for a user, optionally expiring after some days. "
                        + "The token is shown only in this answer.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.CREATES);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Arguments bind(ToolArguments arguments) {
        return arguments.as(Arguments.class);
    }

    @Override
    public Issued execute(Caller caller, Arguments arguments) {
        String userId = arguments.userId();
        String subject = "user '" + userId + "'";
        if (queries.findOne(new FindUser(userId), UserView.class).isEmpty()) {
            throw ToolFailure.notFound(subject + " not found");
        }
        String token = ApiTokens.newToken();
        String tokenId = ApiTokens.newTokenId();
        // whole seconds: what list_tokens shows is what the holder was told
        Instant expiresAt = arguments.expiresInDays() == null ? null
                : clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(arguments.expiresInDays()));
        commands.send(new IssueApiToken(userId, tokenId, ApiTokens.sha256Hex(token), expiresAt), caller, subject);
        // the holder may use the token right away
        queries.awaitOwnWrite(userId);
        return new Issued(tokenId, token, expiresAt);
    }
}
