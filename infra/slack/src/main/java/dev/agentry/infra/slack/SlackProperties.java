package dev.agentry.infra.slack;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param baseUrl       the Slack Web API's method URL prefix, ending in {@code /}
 * @param maxRetryAfter the longest {@code Retry-After} of a 429 that a call waits out before retrying; a longer
 *                      one fails the call as rate limited
 * @param rateLimitRetries how many times one call is retried after a 429
 */
@ConfigurationProperties("agentry.slack")
public record SlackProperties(@DefaultValue("https://slack.com/api/") String baseUrl,
                              @DefaultValue("30s") Duration maxRetryAfter,
                              @DefaultValue("3") int rateLimitRetries) {

    public SlackProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }
}
