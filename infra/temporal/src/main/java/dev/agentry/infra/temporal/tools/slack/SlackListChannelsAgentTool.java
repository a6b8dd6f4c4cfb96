package dev.agentry.infra.temporal.tools.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.slack.SlackWebApi;
import dev.agentry.infra.temporal.tools.AgentTool;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

@Component
class SlackListChannelsAgentTool implements AgentTool {

    private final OwnersSlack slack;
    private final SlackWebApi api;

    SlackListChannelsAgentTool(OwnersSlack slack, SlackWebApi api) {
        this.slack = slack;
        this.api = api;
    }

    @Override
    public String name() {
        return "slack_list_channels";
    }

    @Override
    public String description() {
        return "Lists the Slack channels the bot can see, with whether it is in each (it can post only there), "
                + "a page at a time: pass next_cursor back as cursor for the next page.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type":"object",
                 "properties":{
                   "limit":{"type":"integer","minimum":1,"maximum":%d},
                   "cursor":{"type":"string","maxLength":%d,"description":"next_cursor of the previous page"}},
                 "additionalProperties":false}"""
                .formatted(SlackLimits.PAGE_MAX_SIZE, SlackLimits.CURSOR_MAX_LENGTH);
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
        return slack.act(context, "the channel list",
                token -> api.channels(token, limit, arguments.optionalText("cursor").orElse(null)));
    }
}
