package dev.agentry.infra.mcp.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bearer tokens the platform is given: {@code AGENTRY_ADMIN_TOKEN} and {@code AGENTRY_TOKEN}.
 *
 * @param adminToken the bootstrap administrator's token at first start; empty: one is generated and printed once
 * @param token      the token {@code mcp-stdio} serves its tools as
 */
@ConfigurationProperties("agentry")
public record TokenProperties(@DefaultValue("") String adminToken, @DefaultValue("") String token) {

    public TokenProperties {
        adminToken = adminToken == null ? "" : adminToken.strip();
        token = token == null ? "" : token.strip();
    }
}
