package dev.agentry.infra.mcp.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiTokenByHash;
import dev.agentry.infra.postgres.identity.ApiTokenUses;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Resolves a bearer token to the user it was issued to, unless it is unknown, revoked or expired, and
 * notes when the token was last used.
 * <p>
 * A token found valid is accepted for {@link SecurityProperties#validTokenCacheTime()} without asking the
 * token store again (its expiry is still checked on every request): a busy client would otherwise cost a
 * store lookup per request. Unknown and refused tokens are not remembered, so a newly issued token works at
 * once. {@link #awaitRevocationOnEveryNode()} is how a revocation is made to hold on every node.
 */
@Component
public class BearerTokenAuthenticator {

    /** Longer texts are not tokens of ours; refusing them early spares hashing arbitrary input. */
    private static final int MAX_TOKEN_LENGTH = 512;
    /** valid tokens one node remembers at most; beyond that the least used are asked for again */
    private static final int MAX_REMEMBERED_TOKENS = 10_000;

    private final QueryGateway queryGateway;
    private final Duration lookupTimeout;
    private final Clock clock;
    /** absent where the platform runs without its token store (slices of it in tests) */
    private final ApiTokenUses uses;
    private final Duration validTokenCacheTime;
    /** token views found valid, by token hash; always empty when {@code validTokenCacheTime} is zero */
    private final Cache<String, ApiTokenView> validTokensByHash;

    /** @param clock the application's {@link Clock} bean if it declares one (tests do), else the system clock */
    @Autowired
    BearerTokenAuthenticator(QueryGateway queryGateway, SecurityProperties properties, ObjectProvider<Clock> clock,
                             ObjectProvider<ApiTokenUses> uses) {
        this(queryGateway, properties, clock.getIfAvailable(Clock::systemUTC), uses.getIfAvailable(), Ticker.systemTicker());
    }

    /** @param ticker measures how long a valid token has been remembered */
    BearerTokenAuthenticator(QueryGateway queryGateway, SecurityProperties properties, Clock clock, ApiTokenUses uses,
                             Ticker ticker) {
        this.queryGateway = queryGateway;
        this.lookupTimeout = properties.tokenLookupTimeout();
        this.clock = clock;
        this.uses = uses;
        this.validTokenCacheTime = properties.validTokenCacheTime();
        this.validTokensByHash = Caffeine.newBuilder()
                .expireAfterWrite(validTokenCacheTime)
                .maximumSize(MAX_REMEMBERED_TOKENS)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /**
     * @return the caller, or empty for an unknown, revoked or expired token
     * @throws TokenLookupUnavailableException when the token store cannot be asked
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String tokenHash = ApiTokens.sha256Hex(token);
        ApiTokenView remembered = validTokensByHash.getIfPresent(tokenHash);
        Optional<ApiTokenView> valid = (remembered != null ? Optional.of(remembered) : lookUp(tokenHash))
                .filter(view -> ApiTokens.matches(token, view.tokenHash()))
                .filter(view -> !view.revoked() && view.user() != null && !view.expiredAt(now));
        if (valid.isPresent()) {
            if (remembered == null && remembersValidTokens()) {
                validTokensByHash.put(tokenHash, valid.get());
            }
            if (uses != null) {
                uses.recordUse(valid.get().tokenId(), now);
            }
        }
        return valid.map(view -> new Caller(view.user().userId(), view.user().username(), view.user().role()));
    }

    /**
     * Waits until no node still accepts a token from memory that the token store showed as revoked when this
     * was called: every node remembers a valid token for at most {@code validTokenCacheTime} after it looked it
     * up, and that lookup came before the revocation was stored. An interrupt ends the wait early.
     */
    public void awaitRevocationOnEveryNode() {
        if (!remembersValidTokens()) {
            return;
        }
        try {
            Thread.sleep(validTokenCacheTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean remembersValidTokens() {
        return !validTokenCacheTime.isZero() && !validTokenCacheTime.isNegative();
    }

    private Optional<ApiTokenView> lookUp(String tokenHash) {
        try {
            Optional<ApiTokenView> found = queryGateway
                    .query(new FindApiTokenByHash(tokenHash), ResponseTypes.optionalInstanceOf(ApiTokenView.class))
                    .get(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return found == null ? Optional.empty() : found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenLookupUnavailableException(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            throw new TokenLookupUnavailableException(e);
        }
    }

    /** The token could not be checked (database down, read model not answering); not the caller's fault. */
    public static class TokenLookupUnavailableException extends RuntimeException {
        TokenLookupUnavailableException(Throwable cause) {
            super("the API token store did not answer", cause);
        }
    }
}
