package dev.agentry.infra.llm.circuit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.providers.circuit-breaker.*}: each node's circuit breaker per provider.
 *
 * @param failureThreshold consecutive failures of a provider that open its breaker
 * @param coolDown         how long an open breaker refuses calls before it lets one through again
 */
@ConfigurationProperties("agentry.providers.circuit-breaker")
public record CircuitBreakerProperties(@DefaultValue("5") int failureThreshold, @DefaultValue("1m") Duration coolDown) {

    public CircuitBreakerProperties {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("agentry.providers.circuit-breaker.failure-threshold must be at least 1: "
                    + failureThreshold);
        }
        if (coolDown == null || coolDown.isNegative() || coolDown.isZero()) {
            throw new IllegalArgumentException("agentry.providers.circuit-breaker.cool-down must be positive: " + coolDown);
        }
    }
}
