package dev.agentry.infra.mcp.slack;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.query.api.SlackConnectionView;

/** A connection as the tools show it: never its token. */
record SlackConnectionAnswer(boolean connected, String teamId, String teamName, String botUserId, String notifyUser) {

    static final JsonSchema SCHEMA = JsonSchema.object()
            .required("connected", JsonSchema.bool())
            .required("team_id", JsonSchema.string().nullable())
            .required("team_name", JsonSchema.string().nullable())
            .required("bot_user_id", JsonSchema.string().nullable())
            .required("notify_user", JsonSchema.string().nullable()
                    .description("the Slack user id that receives failure notices, or null"))
            .build();

    static final SlackConnectionAnswer NONE = new SlackConnectionAnswer(false, null, null, null, null);

    static SlackConnectionAnswer of(SlackConnectionView view) {
        return new SlackConnectionAnswer(true, view.teamId(), view.teamName(), view.botUserId(), view.notifyUser());
    }
}
