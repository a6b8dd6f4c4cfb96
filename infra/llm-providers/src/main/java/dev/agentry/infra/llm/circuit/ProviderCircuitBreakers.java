package dev.agentry.infra.llm.circuit;

import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmResponse;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per provider, shared by every run on this node. It opens after the configured number
 * of consecutive failures that are the provider's as a whole (5xx, timeouts, unreachable, 429 once its
 * retries are spent, refused credentials); while open, calls fail at once as {@code PROVIDER_UNAVAILABLE},
 * so runs move to another provider; after the cool-down it lets one call through (half-open), which closes
 * it on success and opens it again on failure. Failures that say something about the request or one model
 * (a rejected request, an unknown model) neither count nor reset the count.
 */
public final class ProviderCircuitBreakers {

    /** What a breaker's change of state is told to, e.g. the node's record of its breakers. */
    public interface Transitions {
        void changed(String provider, CircuitBreaker.State state, String reason);
    }

    /** A call that may fail with {@link LlmCallFailure}. */
    public interface Call {
        LlmResponse complete() throws LlmCallFailure;
    }

    private final CircuitBreakerRegistry registry;
    private final CircuitBreakerProperties properties;
    private final Transitions transitions;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    /** The message of each provider's last failure that counted, for the reason an open breaker gives. */
    private final Map<String, String> lastFailures = new ConcurrentHashMap<>();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    public ProviderCircuitBreakers(CircuitBreakerProperties properties, Transitions transitions) {
        this.properties = properties;
        this.transitions = transitions;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                // N consecutive failures: the last N calls, all of them failed
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(properties.failureThreshold())
                .minimumNumberOfCalls(properties.failureThreshold())
                .failureRateThreshold(100)
                .waitDurationInOpenState(properties.coolDown())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(ProviderCircuitBreakers::isProviderWide)
                .ignoreException(failure -> !isProviderWide(failure))
                .build());
    }

    public LlmResponse call(String provider, Call call) throws LlmCallFailure {
        CircuitBreaker breaker = breakerOf(provider);
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException open) {
            throw new LlmCallFailure(LlmFailureKind.PROVIDER_UNAVAILABLE, reasonOpen(provider));
        }
        long start = breaker.getCurrentTimestamp();
        try {
            LlmResponse response = call.complete();
            breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
            return response;
        } catch (LlmCallFailure failure) {
            if (isProviderWide(failure)) {
                lastFailures.put(provider, failure.getMessage());
            }
            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), failure);
            throw failure;
        } catch (RuntimeException unexpected) {
            breaker.releasePermission();
            throw unexpected;
        }
    }

    /** The providers whose breaker is open on this node now, each with the sentence {@code list_models} shows. */
    public Map<String, String> openProviders() {
        Map<String, String> open = new TreeMap<>();
        breakers.values().forEach(breaker -> {
            if (breaker.getState() == CircuitBreaker.State.OPEN) {
                open.put(breaker.getName(), reasonOpen(breaker.getName()));
            }
        });
        return open;
    }

    public CircuitBreaker.State stateOf(String provider) {
        return breakerOf(provider).getState();
    }

    private CircuitBreaker breakerOf(String provider) {
        return breakers.computeIfAbsent(provider, name -> {
            CircuitBreaker breaker = registry.circuitBreaker(name);
            breaker.getEventPublisher().onStateTransition(event -> {
                CircuitBreaker.State state = event.getStateTransition().getToState();
                if (state == CircuitBreaker.State.OPEN) {
                    openedAt.put(name, clock.instant());
                }
                transitions.changed(name, state, reasonFor(name, state));
            });
            return breaker;
        });
    }

    private String reasonFor(String provider, CircuitBreaker.State state) {
        return switch (state) {
            case OPEN -> reasonOpen(provider);
            case HALF_OPEN -> "the circuit breaker of %s is half-open: the next call tries it again".formatted(provider);
            default -> "the circuit breaker of %s is closed".formatted(provider);
        };
    }

    private String reasonOpen(String provider) {
        String last = lastFailures.get(provider);
        Instant since = openedAt.getOrDefault(provider, clock.instant());
        return "the circuit breaker of %s is open since %s after %d consecutive failures%s; it lets a call through again %s later"
                .formatted(provider, since, properties.failureThreshold(),
                        last == null ? "" : " (last: " + last + ")", humane(properties.coolDown()));
    }

    private static String humane(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private static boolean isProviderWide(Throwable failure) {
        return failure instanceof LlmCallFailure call && call.kind().isProviderWide()
                && call.kind() != LlmFailureKind.PROVIDER_UNAVAILABLE;
    }

}
