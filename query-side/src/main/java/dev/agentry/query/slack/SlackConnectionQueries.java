package dev.agentry.query.slack;

import dev.agentry.query.api.FindSlackConnection;
import dev.agentry.query.api.SlackConnectionView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;

/** Answers null when the user has no Slack connection. */
@Component
class SlackConnectionQueries {

    private final JdbcClient jdbc;

    SlackConnectionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    SlackConnectionView find(FindSlackConnection query) {
        return jdbc.sql("""
                        SELECT user_id, team_id, team_name, bot_user_id, notify_user, secret_id, connected_at
                        FROM slack_connections WHERE user_id = :userId""")
                .param("userId", query.userId())
                .query((row, number) -> new SlackConnectionView(row.getString("user_id"), row.getString("team_id"),
                        row.getString("team_name"), row.getString("bot_user_id"), row.getString("notify_user"),
                        row.getString("secret_id"), row.getObject("connected_at", OffsetDateTime.class).toInstant()))
                .optional().orElse(null);
    }
}
