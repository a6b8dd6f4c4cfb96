package dev.agentry.infra.mcp.security;

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
 */
@Component
public class BearerTokenAuthenticator {

    /** Longer texts are not tokens of ours; refusing them early spares hashing arbitrary input. */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final QueryGateway queryGateway;
    private final Duration lookupTimeout;
    private final Clock clock;
    /** absent where the platform runs without its token store (slices of it in tests) */
    private final ApiTokenUses uses;

    /** @param clock the application's {@link Clock} bean if it declares one (tests do), else the system clock */
    @Autowired
    BearerTokenAuthenticator(QueryGateway queryGateway, SecurityProperties properties, ObjectProvider<Clock> clock,
                             ObjectProvider<ApiTokenUses> uses) {
        this(queryGateway, properties, clock.getIfAvailable(Clock::systemUTC), uses.getIfAvailable());
    }

    BearerTokenAuthenticator(QueryGateway queryGateway, SecurityProperties properties, Clock clock, ApiTokenUses uses) {
        this.queryGateway = queryGateway;
        this.lookupTimeout = properties.tokenLookupTimeout();
        this.clock = clock;
        this.uses = uses;
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
        Optional<ApiTokenView> valid = lookUp(ApiTokens.sha256Hex(token))
                .filter(view -> ApiTokens.matches(token, view.tokenHash()))
                .filter(view -> !view.revoked() && view.user() != null && !view.expiredAt(now));
        if (valid.isPresent() && uses != null) {
            uses.recordUse(valid.get().tokenId(), now);
        }
        return valid.map(view -> new Caller(view.user().userId(), view.user().username(), view.user().role()));
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
