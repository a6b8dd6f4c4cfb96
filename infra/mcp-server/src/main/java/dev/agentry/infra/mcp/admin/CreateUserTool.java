package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IdentityLimits;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;


/** Users are identified as {@code user-<username>}, so the event store itself refuses a second user of a name. */
@Component
class CreateUserTool implements McpTool<CreateUserTool.Request> {

    static final String USER_ID_PREFIX = "user-";
    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("username", JsonSchema.text(IdentityLimits.USERNAME_MAX_LENGTH)
                    .pattern(IdentityLimits.USERNAME_PATTERN)
                    .description("lower-case letters, digits, '.', '_' and '-', starting with a letter or digit; unique"))
            .optional("role", JsonSchema.upperCaseChoice(Role.class).defaultValue(Role.USER.name()))
            .build();

    static final JsonSchema USER = JsonSchema.object()
            .required("user_id", JsonSchema.string())
            .required("username", JsonSchema.string())
            .required("role", JsonSchema.upperCaseChoice(Role.class))
            .build();

    record Created(String userId, String username, Role role) {
    }

    record Request(String username, Role role) {
    }

    private final CommandSender commands;
    private final ReadModelQueries queries;

    CreateUserTool(CommandSender commands, ReadModelQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("create_user", "Create a user",
                "Admin: creates a user (role USER unless given). Give them a token with issue_token.",
                INPUT_SCHEMA, USER, ToolHints.CREATES);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Request bind(ToolArguments arguments) {
        Request request = arguments.as(Request.class);
        return request.role() == null ? new Request(request.username(), Role.USER) : request;
    }

    @Override
    public Created execute(Caller caller, Request request) {
        String subject = "user '" + request.username() + "'";
        if (queries.findOne(new FindUserByName(request.username()), UserView.class).isPresent()) {
            throw ToolFailure.failedPrecondition(subject + " already exists");
        }
        String userId = USER_ID_PREFIX + request.username();
        commands.send(new CreateUser(userId, request.username(), request.role()), caller, subject);
        queries.awaitOwnWrite(userId);
        return new Created(userId, request.username(), request.role());
    }
}
