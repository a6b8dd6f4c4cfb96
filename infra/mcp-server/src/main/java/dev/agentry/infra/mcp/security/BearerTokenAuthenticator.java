package dev.agentry.infra.mcp.security;

import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiTokenByHash;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Resolves a bearer token to the user it was issued to, unless it is unknown or revoked. */
@Component
public class BearerTokenAuthenticator {

    /** Longer texts are not tokens of ours; refusing them early spares hashing arbitrary input. */
    private static final int MAX_TOKEN_LENGTH = 512;

    private final QueryGateway queryGateway;
    private final Duration lookupTimeout;

    BearerTokenAuthenticator(QueryGateway queryGateway, SecurityProperties properties) {
        this.queryGateway = queryGateway;
        this.lookupTimeout = properties.tokenLookupTimeout();
    }

    /**
     * @return the caller, or empty for an unknown or revoked token
     * @throws TokenLookupUnavailableException when the token store cannot be asked
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return lookUp(ApiTokens.sha256Hex(token))
                .filter(view -> ApiTokens.matches(token, view.tokenHash()))
                .filter(view -> !view.revoked() && view.user() != null)
                .map(view -> new Caller(view.user().userId(), view.user().username(), view.user().role()));
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
