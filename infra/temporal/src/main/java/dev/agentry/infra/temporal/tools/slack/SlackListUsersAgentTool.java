package dev.agentry.infra.temporal.tools.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.slack.SlackWebApi;
import dev.agentry.infra.temporal.tools.AgentTool;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

@Component
class SlackListUsersAgentTool implements AgentTool {

    private final OwnersSlack slack;
    private final SlackWebApi api;

    SlackListUsersAgentTool(OwnersSlack slack, SlackWebApi api) {
        this.slack = slack;
        this.api = api;
    }

    @Override
    public String name() {
        return "slack_list_users";
    }

    @Override
    public String description() {
        return "Lists the members of the Slack workspace (deleted users left out), a page at a time: "
                + "pass next_cursor back as cursor for the next page; query keeps the matching users of each page.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type":"object",
                 "properties":{
                   "limit":{"type":"integer","minimum":1,"maximum":%d},
                   "cursor":{"type":"string","maxLength":%d,"description":"next_cursor of the previous page"},
                   "query":{"type":"string","maxLength":%d,"description":"part of a name, real name or e-mail"}},
                 "additionalProperties":false}"""
                .formatted(SlackLimits.PAGE_MAX_SIZE, SlackLimits.CURSOR_MAX_LENGTH, SlackLimits.USER_REFERENCE_MAX_LENGTH);
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        ToolArgumentsJson arguments;
        int limit;
        try {
            arguments = ToolArgumentsJson.parse(argumentsJson);
            limit = arguments.limit(SlackLimits.PAGE_DEFAULT_SIZE, SlackLimits.PAGE_MAX_SIZE);
        } catch (ToolArgumentsJson.Invalid invalid) {
            return ToolOutcome.error(invalid.getMessage());
        }
        return slack.act(context, "the user list", token -> api.users(token, limit,
                arguments.optionalText("cursor").orElse(null), arguments.optionalText("query").orElse(null)));
    }
}
