package dev.agentry.infra.mcp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param callTimeout how long a tool waits for a command or a query before it answers unavailable
 * @param keepAlive   interval of pings on open Streamable HTTP sessions, for proxies that cut idle
 *                    streams; unset for none
 * @param sessionIdleTimeout a Streamable HTTP session with no open stream and no request for this long
 *                    (up to twice as long: it is checked at this interval) is forgotten, so clients that
 *                    leave without ending their session do not hold memory for ever
 * @param allowedOrigins browser origins allowed besides {@code http://localhost:*} and {@code http://127.0.0.1:*}
 *                    ({@code scheme://host[:port]}, port {@code *} for any); requests with another
 *                    {@code Origin} are refused with 403, requests without one pass
 */
@ConfigurationProperties("agentry.mcp")
public record McpProperties(
        @DefaultValue("10s") Duration callTimeout,
        Duration keepAlive,
        @DefaultValue("30m") Duration sessionIdleTimeout,
        List<String> allowedOrigins) {

    public McpProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
