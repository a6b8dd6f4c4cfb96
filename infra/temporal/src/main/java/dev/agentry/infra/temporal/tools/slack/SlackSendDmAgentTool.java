package dev.agentry.infra.temporal.tools.slack;

import dev.agentry.command.api.SlackLimits;
import dev.agentry.infra.slack.SlackRecords;
import dev.agentry.infra.slack.SlackWebApi;
import dev.agentry.infra.temporal.tools.AgentTool;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

/** A direct message as the owner's Slack bot; sent once per tool call, however often the call is retried. */
@Component
class SlackSendDmAgentTool implements AgentTool {

    private final OwnersSlack slack;
    private final SlackWebApi api;

    SlackSendDmAgentTool(OwnersSlack slack, SlackWebApi api) {
        this.slack = slack;
        this.api = api;
    }

    @Override
    public String name() {
        return "slack_send_dm";
    }

    @Override
    public String description() {
        return "Sends a Slack direct message to one person, found by Slack user id, e-mail address or name.";
    }

    @Override
    public String inputSchema() {
        return """
                {"type":"object",
                 "properties":{
                   "user":{"type":"string","maxLength":%d,"description":"Slack user id (U0123ABCD), e-mail address or name"},
                   "text":{"type":"string","minLength":1,"maxLength":%d,"description":"the message, in Slack mrkdwn"}},
                 "required":["user","text"],
                 "additionalProperties":false}"""
                .formatted(SlackLimits.USER_REFERENCE_MAX_LENGTH, SlackLimits.MESSAGE_MAX_LENGTH);
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context) {
        return invoke(argumentsJson, context, false);
    }

    @Override
    public ToolOutcome invoke(String argumentsJson, ToolContext context, boolean earlierAttemptMayHaveActed) {
        String user;
        String text;
        try {
            ToolArgumentsJson arguments = ToolArgumentsJson.parse(argumentsJson);
            user = arguments.requiredText("user", SlackLimits.USER_REFERENCE_MAX_LENGTH).trim();
            text = arguments.requiredText("text", SlackLimits.MESSAGE_MAX_LENGTH);
        } catch (ToolArgumentsJson.Invalid invalid) {
            return ToolOutcome.error(invalid.getMessage());
        }
        return slack.act(context, "user '%s'".formatted(user), token -> {
            String userId = api.findUser(token, user).id();
            SlackRecords.DirectMessage sent = api.sendDirect(token, userId, text,
                    OwnersSlack.deliveryKey(context), earlierAttemptMayHaveActed);
            return sent;
        });
    }
}
