package dev.agentry.infra.mcp.security;

import dev.agentry.command.api.Role;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.UserView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenAuthenticatorTest {

    private static final UserView ALICE = new UserView("user-alice", "alice", Role.USER);
    private static final Caller ALICE_CALLING = new Caller("user-alice", "alice", Role.USER);
    private static final Duration CACHE_TIME = Duration.ofSeconds(1);

    private final Map<String, ApiTokenView> tokensByHash = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final InMemoryMessaging messaging = new InMemoryMessaging()
            .onQuery(FindApiTokenByHash.class, ApiTokenView.class, query -> {
                lookups.incrementAndGet();
                return tokensByHash.get(query.tokenHash());
            });
    private final AtomicLong tickerNanos = new AtomicLong();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T12:00:00Z"));

    @Test
    void aValidTokenIsLookedUpOnceWithinTheCacheTimeAndAgainAfterIt() {
        BearerTokenAuthenticator authenticator = authenticator(CACHE_TIME);
        String token = issue(null);

        for (int request = 0; request < 5; request++) {
            assertThat(authenticator.authenticate(token)).contains(ALICE_CALLING);
        }
        assertThat(lookups).hasValue(1);

        tickerNanos.addAndGet(CACHE_TIME.toNanos());
        assertThat(authenticator.authenticate(token)).contains(ALICE_CALLING);
        assertThat(lookups).hasValue(2);
    }

    @Test
    void aTokenRevokedInTheStoreIsRefusedOnceTheCacheTimeHasPassed() {
        BearerTokenAuthenticator authenticator = authenticator(CACHE_TIME);
        String token = issue(null);
        assertThat(authenticator.authenticate(token)).isPresent();

        revoke(token);
        tickerNanos.addAndGet(CACHE_TIME.toNanos());

        assertThat(authenticator.authenticate(token)).isEmpty();
    }

    @Test
    void aRememberedTokenIsRefusedFromTheMomentItExpires() {
        BearerTokenAuthenticator authenticator = authenticator(CACHE_TIME);
        String token = issue(clock.instant().plusMillis(500));
        assertThat(authenticator.authenticate(token)).isPresent();

        clock.set(clock.instant().plusMillis(500));

        assertThat(authenticator.authenticate(token)).isEmpty();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aRefusedTokenIsNotRememberedSoThatItWorksAsSoonAsTheStoreKnowsIt() {
        BearerTokenAuthenticator authenticator = authenticator(CACHE_TIME);
        String token = ApiTokens.newToken();
        assertThat(authenticator.authenticate(token)).isEmpty();

        String hash = ApiTokens.sha256Hex(token);
        tokensByHash.put(hash, new ApiTokenView(ApiTokens.newTokenId(), hash, false, ALICE));

        assertThat(authenticator.authenticate(token)).contains(ALICE_CALLING);
    }

    @Test
    void withoutACacheTimeEveryRequestAsksTheStore() {
        BearerTokenAuthenticator authenticator = authenticator(Duration.ZERO);
        String token = issue(null);

        authenticator.authenticate(token);
        authenticator.authenticate(token);
        revoke(token);

        assertThat(authenticator.authenticate(token)).isEmpty();
        assertThat(lookups).hasValue(3);
    }

    private BearerTokenAuthenticator authenticator(Duration cacheTime) {
        SecurityProperties properties = new SecurityProperties(Duration.ofSeconds(5), 10, Duration.ofMinutes(1), cacheTime);
        return new BearerTokenAuthenticator(messaging.queryGateway(), properties, clock, null, tickerNanos::get);
    }

    private String issue(Instant expiresAt) {
        String token = ApiTokens.newToken();
        String hash = ApiTokens.sha256Hex(token);
        tokensByHash.put(hash, new ApiTokenView(ApiTokens.newTokenId(), hash, false, ALICE, expiresAt));
        return token;
    }

    private void revoke(String token) {
        tokensByHash.computeIfPresent(ApiTokens.sha256Hex(token),
                (hash, view) -> new ApiTokenView(view.tokenId(), hash, true, view.user(), view.expiresAt()));
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
