package dev.agentry.query.identity;

import dev.agentry.command.api.Role;
import dev.agentry.query.api.ApiTokenSummary;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.ListApiTokens;
import dev.agentry.query.api.FindApiToken;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Answers user and token look-ups. Every handler answers null when nothing matches: callers ask
 * with {@code ResponseTypes.optionalInstanceOf(..)} and get an empty Optional.
 */
@Component
class IdentityQueries {

    private static final String SELECT_USER = "SELECT user_id, username, role FROM users";
    private static final String SELECT_TOKEN = """
            SELECT t.token_id, t.token_hash, t.revoked, t.expires_at, u.user_id, u.username, u.role
            FROM api_tokens t JOIN users u ON u.user_id = t.user_id
            """;

    private final JdbcClient jdbc;

    IdentityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    UserView find(FindUser query) {
        return jdbc.sql(SELECT_USER + " WHERE user_id = :userId")
                .param("userId", query.userId())
                .query(IdentityQueries::user).optional().orElse(null);
    }

    @QueryHandler
    UserView find(FindUserByName query) {
        return jdbc.sql(SELECT_USER + " WHERE username = :username")
                .param("username", query.username())
                .query(IdentityQueries::user).optional().orElse(null);
    }

    @QueryHandler
    ApiTokenView find(FindApiToken query) {
        return jdbc.sql(SELECT_TOKEN + " WHERE t.token_id = :tokenId")
                .param("tokenId", query.tokenId())
                .query(IdentityQueries::token).optional().orElse(null);
    }

    /** How a bearer token is resolved: by the hash of the presented secret. */
    @QueryHandler
    ApiTokenView find(FindApiTokenByHash query) {
        return jdbc.sql(SELECT_TOKEN + " WHERE t.token_hash = :tokenHash")
                .param("tokenHash", query.tokenHash())
                .query(IdentityQueries::token).optional().orElse(null);
    }

    @QueryHandler
    List<ApiTokenSummary> list(ListApiTokens query) {
        return jdbc.sql("""
                        SELECT t.token_id, t.issued_at, t.expires_at, t.revoked, u.last_used_at
                        FROM api_tokens t LEFT JOIN api_token_uses u ON u.token_id = t.token_id
                        WHERE t.user_id = :userId
                        ORDER BY t.issued_at, t.token_id
                        """)
                .param("userId", query.userId())
                .query((row, rowNum) -> new ApiTokenSummary(row.getString("token_id"), instant(row, "issued_at"),
                        instant(row, "expires_at"), row.getBoolean("revoked"), instant(row, "last_used_at")))
                .list();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static UserView user(ResultSet row, int rowNum) throws SQLException {
        return new UserView(row.getString("user_id"), row.getString("username"), Role.valueOf(row.getString("role")));
    }

    private static ApiTokenView token(ResultSet row, int rowNum) throws SQLException {
        return new ApiTokenView(row.getString("token_id"), row.getString("token_hash"), row.getBoolean("revoked"),
                user(row, rowNum), instant(row, "expires_at"));
    }
}
