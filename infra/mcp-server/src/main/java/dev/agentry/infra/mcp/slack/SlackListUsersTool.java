package dev.agentry.infra.mcp.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackFailure;
import dev.agentry.infra.slack.SlackRecords;
import dev.agentry.infra.slack.SlackWebApi;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class SlackListUsersTool implements McpTool<SlackListUsersTool.Arguments> {

    private static final JsonSchema INPUT_SCHEMA = PageArguments.properties()
            .optional("query", JsonSchema.text(SlackLimits.USER_REFERENCE_MAX_LENGTH).nullable()
                    .description("keep users whose name, real name, display name or e-mail contains this"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("users", JsonSchema.arrayOf(JsonSchema.object()
                    .required("id", JsonSchema.string())
                    .required("name", JsonSchema.string())
                    .required("real_name", JsonSchema.string().nullable())
                    .required("email", JsonSchema.string().nullable())
                    .required("is_bot", JsonSchema.bool())
                    .build()))
            .required("next_cursor", JsonSchema.string().nullable().description("null on the last page"))
            .build();

    record Arguments(Integer limit, String cursor, String query) {
    }

    record UserAnswer(String id, String name, String realName, String email, boolean isBot) {
    }

    record Users(List<UserAnswer> users, String nextCursor) {
    }

    private final OwnSlackConnection own;
    private final SlackWebApi slack;

    SlackListUsersTool(OwnSlackConnection own, SlackWebApi slack) {
        this.own = own;
        this.slack = slack;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("slack_list_users", "List Slack users",
                "The members of your Slack workspace, deleted users left out, a page at a time; "
                        + "with query, only the matching ones of each page.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_OUTSIDE);
    }

    @Override
    public Arguments bind(ToolArguments arguments) {
        return arguments.as(Arguments.class);
    }

    @Override
    public Users execute(Caller caller, Arguments arguments) {
        SlackConnections.Connected connected = own.of(caller);
        try {
            SlackRecords.Page<SlackRecords.Member> page = slack.users(connected.token(),
                    PageArguments.limitOr(arguments.limit()), arguments.cursor(), arguments.query());
            return new Users(page.items().stream()
                    .map(user -> new UserAnswer(user.id(), user.name(), user.realName(), user.email(), user.isBot()))
                    .toList(), page.nextCursor());
        } catch (SlackFailure failure) {
            throw SlackToolFailures.of(failure, "the user list");
        }
    }
}
