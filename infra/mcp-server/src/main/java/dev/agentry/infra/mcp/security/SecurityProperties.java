package dev.agentry.infra.mcp.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.security.*}.
 *
 * @param tokenLookupTimeout how long the bearer-token check may wait for the token store
 */
@ConfigurationProperties("agentry.security")
public record SecurityProperties(@DefaultValue("5s") Duration tokenLookupTimeout) {
}
