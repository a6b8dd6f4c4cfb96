package dev.agentry.infra.mcp.security;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.agentry.command.api.Role;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.query.api.UserView;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {

    private static final UserView ALICE = new UserView("user-alice", "alice", Role.USER);

    /** The identity read model: token views by the hash the filter asks for. */
    private final Map<String, ApiTokenView> tokensByHash = new ConcurrentHashMap<>();
    private final InMemoryMessaging messaging = new InMemoryMessaging()
            .onQuery(FindApiTokenByHash.class, ApiTokenView.class, query -> tokensByHash.get(query.tokenHash()));
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    private static final SecurityProperties SECURITY = new SecurityProperties(Duration.ofSeconds(5), 3, Duration.ofMinutes(1), Duration.ZERO);
    private final BearerTokenFilter filter = new BearerTokenFilter(
            new BearerTokenAuthenticator(messaging.queryGateway(), SECURITY, CLOCK, null, Ticker.systemTicker()),
            new FailedAuthenticationThrottle(SECURITY.maxFailedAuthentications(), SECURITY.failedAuthenticationWindow()));

    @Test
    void aRequestWithoutAuthorizationIsRefusedWith401AndABearerChallenge() throws Exception {
        Exchange exchange = filter(null);

        assertThat(exchange.response.getStatus()).isEqualTo(401);
        assertThat(exchange.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(exchange.response.getContentType()).startsWith("application/json");
        assertThat(exchange.response.getContentAsString())
                .isEqualTo("{\"error\":\"unauthenticated\",\"message\":\"send the header 'Authorization: Bearer <token>'\"}");
        assertThat(exchange.reachedTheEndpoint()).isFalse();
    }

    @Test
    void anotherAuthorizationSchemeIsRefused() throws Exception {
        String token = issue(false);

        Exchange exchange = filter("Basic " + token);

        assertThat(exchange.response.getStatus()).isEqualTo(401);
        assertThat(exchange.reachedTheEndpoint()).isFalse();
    }

    @Test
    void anUnknownTokenIsRefusedAsAnInvalidToken() throws Exception {
        issue(false);

        Exchange exchange = filter("Bearer " + ApiTokens.newToken());

        assertThat(exchange.response.getStatus()).isEqualTo(401);
        assertThat(exchange.response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        assertThat(exchange.response.getContentAsString()).contains("\"error\":\"unauthenticated\"");
        assertThat(exchange.reachedTheEndpoint()).isFalse();
    }

    @Test
    void aRevokedTokenIsRefused() throws Exception {
        String token = issue(true);

        Exchange exchange = filter("Bearer " + token);

        assertThat(exchange.response.getStatus()).isEqualTo(401);
        assertThat(exchange.reachedTheEndpoint()).isFalse();
    }

    @Test
    void aStoredRowWhoseHashDiffersFromTheTokensIsRefused() throws Exception {
        String token = ApiTokens.newToken();
        tokensByHash.put(ApiTokens.sha256Hex(token),
                new ApiTokenView("tok_1", ApiTokens.sha256Hex("something else"), false, ALICE));

        Exchange exchange = filter("Bearer " + token);

        assertThat(exchange.response.getStatus()).isEqualTo(401);
        assertThat(exchange.reachedTheEndpoint()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedAndOneBeforeItsExpiryIsNot() throws Exception {
        String expired = issue(CLOCK.instant());
        String stillValid = issue(CLOCK.instant().plusSeconds(1));

        Exchange refused = filter("Bearer " + expired);

        assertThat(refused.response.getStatus()).isEqualTo(401);
        assertThat(refused.response.getContentAsString()).contains("unknown, revoked or expired");
        assertThat(refused.reachedTheEndpoint()).isFalse();
        assertThat(filter("Bearer " + stillValid).reachedTheEndpoint()).isTrue();
    }

    @Test
    void aValidTokenReachesTheEndpointWithItsUserAsTheCaller() throws Exception {
        String token = issue(false);

        Exchange exchange = filter("Bearer " + token);

        assertThat(exchange.reachedTheEndpoint()).isTrue();
        assertThat(exchange.response.getStatus()).isEqualTo(200);
        assertThat(exchange.request.getAttribute(Caller.REQUEST_ATTRIBUTE))
                .isEqualTo(new Caller("user-alice", "alice", Role.USER));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSurroundingSpaceIsIgnored() throws Exception {
        String token = issue(false);

        assertThat(filter("bearer  " + token + " ").reachedTheEndpoint()).isTrue();
    }

    @Test
    void whenTheTokenStoreCannotBeAskedTheAnswerIs503() throws Exception {
        BearerTokenFilter withoutReadModel = new BearerTokenFilter(
                new BearerTokenAuthenticator(new InMemoryMessaging().queryGateway(), SECURITY, CLOCK, null, Ticker.systemTicker()),
                new FailedAuthenticationThrottle(1, Duration.ofMinutes(1)));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.addHeader("Authorization", "Bearer " + ApiTokens.newToken());
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        withoutReadModel.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).contains("\"error\":\"unavailable\"");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void anAddressThatSentTooManyWrongTokensIsRefusedWith429AndRetryAfterEvenWithAValidToken() throws Exception {
        String token = issue(false);
        for (int failure = 0; failure < SECURITY.maxFailedAuthentications(); failure++) {
            assertThat(filter("Bearer " + ApiTokens.newToken(), "203.0.113.7").response.getStatus()).isEqualTo(401);
        }

        Exchange guess = filter("Bearer " + ApiTokens.newToken(), "203.0.113.7");
        Exchange valid = filter("Bearer " + token, "203.0.113.7");

        assertThat(guess.response.getStatus()).isEqualTo(429);
        // three failures a minute: one more attempt every 20 s
        assertThat(Integer.parseInt(guess.response.getHeader("Retry-After"))).isBetween(1, 21);
        assertThat(guess.response.getContentAsString()).contains("\"error\":\"too_many_failed_authentications\"");
        assertThat(valid.response.getStatus()).isEqualTo(429);
        assertThat(valid.reachedTheEndpoint()).isFalse();
    }

    @Test
    void anotherAddressIsNotThrottledByTheFailuresOfOne() throws Exception {
        String token = issue(false);
        for (int failure = 0; failure <= SECURITY.maxFailedAuthentications(); failure++) {
            filter("Bearer " + ApiTokens.newToken(), "203.0.113.7");
        }

        assertThat(filter("Bearer " + token, "198.51.100.2").reachedTheEndpoint()).isTrue();
        assertThat(filter("Bearer " + ApiTokens.newToken(), "198.51.100.2").response.getStatus()).isEqualTo(401);
    }

    @Test
    void successesDoNotCountAsFailures() throws Exception {
        String token = issue(false);

        for (int success = 0; success < 3 * SECURITY.maxFailedAuthentications(); success++) {
            assertThat(filter("Bearer " + token, "203.0.113.7").reachedTheEndpoint()).isTrue();
        }
    }

    @Test
    void onlyTheBearerSchemeYieldsAToken() {
        assertThat(BearerTokenFilter.bearerToken("Bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("BEARER abc")).isEqualTo("abc");
        assertThat(BearerTokenFilter.bearerToken("Bearer")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearer   ")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Bearerabc")).isNull();
        assertThat(BearerTokenFilter.bearerToken("Token abc")).isNull();
        assertThat(BearerTokenFilter.bearerToken(null)).isNull();
    }

    private String issue(boolean revoked) {
        String token = ApiTokens.newToken();
        String hash = ApiTokens.sha256Hex(token);
        tokensByHash.put(hash, new ApiTokenView(ApiTokens.newTokenId(), hash, revoked, ALICE));
        return token;
    }

    private String issue(Instant expiresAt) {
        String token = ApiTokens.newToken();
        String hash = ApiTokens.sha256Hex(token);
        tokensByHash.put(hash, new ApiTokenView(ApiTokens.newTokenId(), hash, false, ALICE, expiresAt));
        return token;
    }

    private Exchange filter(String authorization) throws Exception {
        return filter(authorization, "127.0.0.1");
    }

    private Exchange filter(String authorization, String clientAddress) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
        request.setRemoteAddr(clientAddress);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        return new Exchange(request, response, chain);
    }

    private record Exchange(MockHttpServletRequest request, MockHttpServletResponse response, MockFilterChain chain) {
        boolean reachedTheEndpoint() {
            return chain.getRequest() != null;
        }
    }
}
