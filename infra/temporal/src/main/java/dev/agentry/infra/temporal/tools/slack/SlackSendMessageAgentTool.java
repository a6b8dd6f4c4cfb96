package dev.agentry.infra.temporal.tools.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.slack.SlackWebApi;
import dev.agentry.infra.temporal.tools.AgentTool;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

/** A channel message as the owner's Slack bot; posted once per tool call, however often the call is retried. */
@Component
class SlackSendMessageAgentTool implements AgentTool {

    private final OwnersSlack slack;
    private final SlackWebApi api;

    SlackSendMessageAgentTool(OwnersSlack slack, SlackWebApi api) {
        this.slack = slack;
        this.api = api;
    }

    @Override
    public String name() {
        return "slack_send_message";
    }

    @Override
    public String description() {
        return "Posts a message to a Slack channel the bot is in, given by channel id or #name.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type":"object",
                 "properties":{
                   "channel":{"type":"string","maxLength":%d,"description":"channel id (C0123ABCD) or #name"},
                   "text":{"type":"string","minLength":1,"maxLength":%d,"description":"the message, in Slack mrkdwn"}},
                 "required":["channel","text"],
                 "additionalProperties":false}"""
                .formatted(SlackLimits.CHANNEL_REFERENCE_MAX_LENGTH, SlackLimits.MESSAGE_MAX_LENGTH);
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        return invoke(argumentsJson, context, false);
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context, boolean earlierAttemptMayHaveActed) {
        String channel;
        String text;
        try {
            ToolArgumentsJson arguments = ToolArgumentsJson.parse(argumentsJson);
            channel = arguments.requiredText("channel", SlackLimits.CHANNEL_REFERENCE_MAX_LENGTH).trim();
            text = arguments.requiredText("text", SlackLimits.MESSAGE_MAX_LENGTH);
        } catch (ToolArgumentsJson.Invalid invalid) {
            return ToolOutcome.error(invalid.getMessage());
        }
        return slack.act(context, "channel '%s'".formatted(channel), token -> api.post(token, api.channelId(token, channel),
                text, OwnersSlack.deliveryKey(context), earlierAttemptMayHaveActed));
    }
}
