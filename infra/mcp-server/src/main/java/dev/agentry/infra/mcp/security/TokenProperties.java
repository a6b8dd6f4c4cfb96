package dev.agentry.infra.mcp.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bootstrap administrator's token the platform is given: {@code AGENTRY_ADMIN_TOKEN}.
 *
 * @param adminToken the bootstrap administrator's token at first start; empty: one is generated and printed once
 */
@ConfigurationProperties("agentry")
public record TokenProperties(@DefaultValue("") String adminToken) {

    public TokenProperties {
        adminToken = adminToken == null ? "" : adminToken.strip();
    }
}
