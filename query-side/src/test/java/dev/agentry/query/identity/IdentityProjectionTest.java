package dev.agentry.query.identity;

import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.ApiTokenSummary;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.ListApiTokens;
import dev.agentry.query.api.FindApiToken;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.FindUser;
import dev.agentry.query.api.FindUserByName;
import dev.agentry.query.api.UserView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class IdentityProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Actor ADMIN = new Actor("admin-id", "admin");

    private QuerySide querySide;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void createdUserIsFoundByIdAndByName() {
        UserView carol = createUser("carol", Role.ADMIN);

        assertThat(querySide.queryOptional(new FindUser(carol.userId()), UserView.class)).contains(carol);
        assertThat(querySide.queryOptional(new FindUserByName(carol.username()), UserView.class)).contains(carol);
    }

    @Test
    void unknownUserIsNotFound() {
        createUser("dave", Role.USER);

        assertThat(querySide.queryOptional(new FindUser(newId()), UserView.class)).isEmpty();
        assertThat(querySide.queryOptional(new FindUserByName("nobody-" + newId()), UserView.class)).isEmpty();
        assertThat(querySide.query(new FindUser(newId()), UserView.class)).isNull();
    }

    @Test
    void issuedTokenIsFoundByIdAndByHashWithItsUser() {
        UserView erin = createUser("erin", Role.USER);
        String tokenId = newId();
        String tokenHash = newHash();
        querySide.userEvent(erin.userId(), new ApiTokenIssued(erin.userId(), tokenId, tokenHash), ADMIN);

        ApiTokenView expected = new ApiTokenView(tokenId, tokenHash, false, erin);
        assertThat(querySide.queryOptional(new FindApiToken(tokenId), ApiTokenView.class)).contains(expected);
        assertThat(querySide.queryOptional(new FindApiTokenByHash(tokenHash), ApiTokenView.class)).contains(expected);
    }

    @Test
    void aTokenKeepsItsExpiryAndIsListedWithItWithoutItsHash() {
        UserView judy = createUser("judy", Role.USER);
        String lasting = newId();
        String expiring = newId();
        String expiringHash = newHash();
        Instant expiresAt = Instant.parse("2027-01-31T09:00:00Z");
        querySide.userEvent(judy.userId(), new ApiTokenIssued(judy.userId(), lasting, newHash()), ADMIN);
        querySide.userEvent(judy.userId(), new ApiTokenIssued(judy.userId(), expiring, expiringHash, expiresAt), ADMIN);
        querySide.userEvent(judy.userId(), new ApiTokenRevoked(judy.userId(), lasting), ADMIN);

        assertThat(querySide.query(new FindApiTokenByHash(expiringHash), ApiTokenView.class))
                .isEqualTo(new ApiTokenView(expiring, expiringHash, false, judy, expiresAt));
        List<ApiTokenSummary> listed = querySide.queryList(new ListApiTokens(judy.userId()), ApiTokenSummary.class);
        assertThat(listed).extracting(ApiTokenSummary::tokenId, ApiTokenSummary::expiresAt, ApiTokenSummary::revoked,
                        ApiTokenSummary::lastUsedAt)
                .containsExactly(tuple(lasting, null, true, null), tuple(expiring, expiresAt, false, null));
        assertThat(listed).allSatisfy(token -> assertThat(token.issuedAt()).isNotNull());
        assertThat(querySide.queryList(new ListApiTokens(newId()), ApiTokenSummary.class)).isEmpty();
    }

    @Test
    void unknownTokenIsNotFound() {
        UserView frank = createUser("frank", Role.USER);
        querySide.userEvent(frank.userId(), new ApiTokenIssued(frank.userId(), newId(), newHash()), ADMIN);

        assertThat(querySide.queryOptional(new FindApiToken(newId()), ApiTokenView.class)).isEmpty();
        assertThat(querySide.queryOptional(new FindApiTokenByHash(newHash()), ApiTokenView.class)).isEmpty();
    }

    @Test
    void revokedTokenStaysRevokedSinceItsFirstRevocation() {
        UserView grace = createUser("grace", Role.USER);
        String tokenId = newId();
        String tokenHash = newHash();
        querySide.userEvent(grace.userId(), new ApiTokenIssued(grace.userId(), tokenId, tokenHash), ADMIN);
        DomainEventMessage<?> revoked = querySide.userEvent(grace.userId(), new ApiTokenRevoked(grace.userId(), tokenId), ADMIN);
        querySide.userEvent(grace.userId(), new ApiTokenRevoked(grace.userId(), tokenId), ADMIN);

        assertThat(querySide.query(new FindApiTokenByHash(tokenHash), ApiTokenView.class).revoked()).isTrue();
        assertThat(revokedAt(tokenId)).isEqualTo(revoked.getTimestamp());
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String userId = newId();
        String username = "heidi-" + newId().substring(0, 8);
        DomainEventMessage<?> created = querySide.userEvent(userId, new UserCreated(userId, username, Role.ADMIN), ADMIN);
        String tokenId = newId();
        String tokenHash = newHash();
        DomainEventMessage<?> issued = querySide.userEvent(userId, new ApiTokenIssued(userId, tokenId, tokenHash), ADMIN);
        querySide.userEvent(userId, new ApiTokenRevoked(userId, tokenId), ADMIN);
        ApiTokenView before = querySide.query(new FindApiToken(tokenId), ApiTokenView.class);

        querySide.redeliver(created);
        querySide.redeliver(issued);

        assertThat(querySide.query(new FindApiToken(tokenId), ApiTokenView.class)).isEqualTo(before);
        assertThat(before.revoked()).isTrue();
        assertThat(before.user()).isEqualTo(new UserView(userId, username, Role.ADMIN));
    }

    @Test
    void resetForgetsAllUsersAndTokens() {
        UserView ivan = createUser("ivan", Role.USER);
        String tokenHash = newHash();
        querySide.userEvent(ivan.userId(), new ApiTokenIssued(ivan.userId(), newId(), tokenHash), ADMIN);

        querySide.reset("identity");

        assertThat(database.jdbc().sql("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM api_tokens)")
                .query(Long.class).single()).isZero();
        assertThat(querySide.queryOptional(new FindUser(ivan.userId()), UserView.class)).isEmpty();
        assertThat(querySide.queryOptional(new FindApiTokenByHash(tokenHash), ApiTokenView.class)).isEmpty();
    }

    private UserView createUser(String name, Role role) {
        UserView user = new UserView(newId(), name + "-" + newId().substring(0, 8), role);
        querySide.userEvent(user.userId(), new UserCreated(user.userId(), user.username(), role), ADMIN);
        return user;
    }

    private Instant revokedAt(String tokenId) {
        return database.jdbc().sql("SELECT revoked_at FROM api_tokens WHERE token_id = :tokenId")
                .param("tokenId", tokenId).query(OffsetDateTime.class).single().toInstant();
    }

    private static String newHash() {
        return (newId() + newId()).replace("-", "");
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
