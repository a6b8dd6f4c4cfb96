package dev.agentry.query.identity;

import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.agentry.query.write.ReadModelWrites.utc;

/**
 * Keeps {@code users} and {@code api_tokens}. Each write is idempotent by itself (insert once,
 * revoke once), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(ReadModel.IDENTITY)
class IdentityProjection {

    private final JdbcClient jdbc;

    IdentityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserCreated event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO users (user_id, username, role, created_at)
                VALUES (:userId, :username, :role, :at)
                ON CONFLICT (user_id) DO NOTHING
                """)
                .param("userId", event.userId())
                .param("username", event.username())
                .param("role", event.role().name())
                .param("at", utc(at))
                .update();
    }

    @EventHandler
    void on(ApiTokenIssued event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO api_tokens (token_id, user_id, token_hash, revoked, issued_at, expires_at)
                VALUES (:tokenId, :userId, :tokenHash, FALSE, :at, :expiresAt)
                ON CONFLICT (token_id) DO NOTHING
                """)
                .param("tokenId", event.tokenId())
                .param("userId", event.userId())
                .param("tokenHash", event.tokenHash())
                .param("at", utc(at))
                .param("expiresAt", event.expiresAt() == null ? null : utc(event.expiresAt()))
                .update();
    }

    @EventHandler
    void on(ApiTokenRevoked event, @Timestamp Instant at) {
        // only the first revocation counts, so revoked_at keeps the original time
        jdbc.sql("UPDATE api_tokens SET revoked = TRUE, revoked_at = :at WHERE token_id = :tokenId AND NOT revoked")
                .param("tokenId", event.tokenId())
                .param("at", utc(at))
                .update();
    }

    @ResetHandler
    void forgetAllUsersAndTokens() {
        jdbc.sql("DELETE FROM api_tokens").update();
        jdbc.sql("DELETE FROM users").update();
    }
}
