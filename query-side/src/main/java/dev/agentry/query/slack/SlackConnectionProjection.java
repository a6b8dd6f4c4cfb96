package dev.agentry.query.slack;

import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps {@code slack_connections}, in the identity processing group since a connection belongs to its user.
 * A disconnection removes only the connection it names, so a redelivered one never removes a newer connection.
 */
@Component
@ProcessingGroup(ReadModel.IDENTITY)
class SlackConnectionProjection {

    private final JdbcClient jdbc;

    SlackConnectionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SlackConnected event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO slack_connections (user_id, team_id, team_name, bot_user_id, notify_user, secret_id, connected_at)
                VALUES (:userId, :teamId, :teamName, :botUserId, :notifyUser, :secretId, :at)
                ON CONFLICT (user_id) DO UPDATE SET team_id = excluded.team_id, team_name = excluded.team_name,
                    bot_user_id = excluded.bot_user_id, notify_user = excluded.notify_user,
                    secret_id = excluded.secret_id, connected_at = excluded.connected_at
                """)
                .param("userId", event.userId())
                .param("teamId", event.teamId())
                .param("teamName", event.teamName())
                .param("botUserId", event.botUserId())
                .param("notifyUser", event.notifyUser())
                .param("secretId", event.secretId())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    @EventHandler
    void on(SlackDisconnected event) {
        jdbc.sql("DELETE FROM slack_connections WHERE user_id = :userId AND secret_id = :secretId")
                .param("userId", event.userId())
                .param("secretId", event.secretId())
                .update();
    }

    @ResetHandler
    void forgetAllConnections() {
        jdbc.sql("DELETE FROM slack_connections").update();
    }
}
