package dev.agentry.infra.mcp.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed authentications per client address: each address may fail {@code maxFailures} times,
 * and earns one more attempt every {@code window / maxFailures}. An address that has used them up is
 * refused until then, whatever it sends, so guessing tokens is slow while other addresses are unaffected.
 */
class FailedAuthenticationThrottle {

    /** Beyond this many tracked addresses, those that have not failed lately are forgotten. */
    private static final int MAX_TRACKED_ADDRESSES = 10_000;

    private final long maxFailures;
    private final Duration window;
    private final Map<String, Bucket> failuresByAddress = new ConcurrentHashMap<>();

    FailedAuthenticationThrottle(int maxFailures, Duration window) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("agentry.security.max-failed-authentications must be at least 1 "
                    + "and agentry.security.failed-authentication-window positive");
        }
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** How long the address must wait before it may try again; empty when it may try now. */
    Optional<Duration> refusal(String address) {
        Bucket bucket = failuresByAddress.get(address);
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    void recordFailure(String address) {
        if (failuresByAddress.size() >= MAX_TRACKED_ADDRESSES) {
            failuresByAddress.values().removeIf(bucket -> bucket.getAvailableTokens() >= maxFailures);
        }
        failuresByAddress.computeIfAbsent(address, ignored -> newBucket()).tryConsume(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(maxFailures).refillGreedy(maxFailures, window).build())
                .build();
    }
}
