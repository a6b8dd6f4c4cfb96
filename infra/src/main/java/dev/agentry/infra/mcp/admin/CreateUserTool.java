package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Users are identified as {@code user-<username>}, so the event store itself refuses a second user of a name. */
@Component
class CreateUserTool implements McpTool<CreateUserTool.Request> {

    static final String USER_ID_PREFIX = "user-";
    static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "username": {"type": "string", "minLength": 1, "maxLength": 64, "pattern": "^[a-z0-9][a-z0-9._-]{0,63}$",
                             "description": "lower-case letters, digits, '.', '_' and '-'; unique"},
                "role": {"type": "string", "enum": ["USER", "ADMIN"], "default": "USER"}
              },
              "required": ["username"],
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "user_id": {"type": "string"},
                "username": {"type": "string"},
                "role": {"type": "string", "enum": ["USER", "ADMIN"]}
              },
              "required": ["user_id", "username", "role"],
              "additionalProperties": false
            }""";

    private static final Map<String, Role> ROLES = ToolArguments.upperCaseChoices(Role.class);

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
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.CREATES);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Request parse(ToolArguments arguments) {
        String username = arguments.requiredText("username", 64);
        if (!username.matches(USERNAME_PATTERN)) {
            throw ToolFailure.invalidArgument("username '" + username
                    + "' may contain only lower-case letters, digits, '.', '_' and '-', and must start with a letter or digit");
        }
        return new Request(username, arguments.choice("role", ROLES, Role.USER));
    }

    @Override
    public Map<String, Object> execute(Caller caller, Request request) {
        String subject = "user '" + request.username() + "'";
        if (queries.findOne(new FindUserByName(request.username()), UserView.class).isPresent()) {
            throw ToolFailure.failedPrecondition(subject + " already exists");
        }
        String userId = USER_ID_PREFIX + request.username();
        commands.send(new CreateUser(userId, request.username(), request.role()), caller, subject);
        queries.awaitOwnWrites();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("user_id", userId);
        result.put("username", request.username());
        result.put("role", request.role().name());
        return result;
    }
}
