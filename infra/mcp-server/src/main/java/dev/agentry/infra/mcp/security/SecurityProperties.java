package dev.agentry.infra.mcp.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.security.*}.
 *
 * @param tokenLookupTimeout          how long the bearer-token check may wait for the token store
 * @param maxFailedAuthentications    failed authentications a client address may have within the window before
 *                                    its requests are refused with 429
 * @param failedAuthenticationWindow  the window; a refused address may try again once a failure has aged out
 *                                    of it ({@code window / max} after its last allowed failure)
 * @param validTokenCacheTime         how long a node may go on accepting a token it found valid without asking the
 *                                    token store again; {@code revoke_token} answers only after this time has
 *                                    passed, so that no node accepts a token revoked before the answer. Zero asks
 *                                    the store on every request.
 */
@ConfigurationProperties("agentry.security")
public record SecurityProperties(
        @DefaultValue("5s") Duration tokenLookupTimeout,
        @DefaultValue("10") int maxFailedAuthentications,
        @DefaultValue("1m") Duration failedAuthenticationWindow,
        @DefaultValue("1s") Duration validTokenCacheTime) {
}
