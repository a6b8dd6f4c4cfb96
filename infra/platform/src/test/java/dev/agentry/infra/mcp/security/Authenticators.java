package dev.agentry.infra.mcp.security;

import com.github.benmanes.caffeine.cache.Ticker;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Clock;
import java.time.Duration;

/** Bearer-token authenticators for tests outside this package, with the system's clock and ticker. */
public final class Authenticators {

    private Authenticators() {
    }

    /** @param validTokenCacheTime how long the authenticator goes on accepting a token it found valid */
    public static BearerTokenAuthenticator over(QueryGateway queryGateway, Duration validTokenCacheTime) {
        SecurityProperties properties = new SecurityProperties(Duration.ofSeconds(5), 10, Duration.ofMinutes(1), validTokenCacheTime);
        return new BearerTokenAuthenticator(queryGateway, properties, Clock.systemUTC(), null, Ticker.systemTicker());
    }
}
