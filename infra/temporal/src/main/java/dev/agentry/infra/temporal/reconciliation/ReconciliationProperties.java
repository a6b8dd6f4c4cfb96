package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.reconciliation.OrphanPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code agentry.reconciliation.*}.
 *
 * @param orphanPolicy        {@code stop} or {@code restore}; unset: restore with the in-memory Temporal service
 *                            (it forgets every schedule when the platform stops), stop against a cluster
 * @param onStartup           reconcile once the platform is up
 * @param stopGrace           how long a zombie schedule may take to close on request before it is terminated
 * @param commandTimeout      how long a repair waits for the agent to record it
 * @param startupAttempts     how often reconciliation at startup tries while Temporal is unavailable or
 *                            temporal-sync has not caught up
 * @param startupFirstRetry   the wait before the second attempt; it doubles up to {@code startupLongestRetry}
 * @param concurrency         how many schedules are described, or repairs made, at a time
 */
@ConfigurationProperties("agentry.reconciliation")
public record ReconciliationProperties(
        OrphanPolicy orphanPolicy,
        @DefaultValue("true") boolean onStartup,
        @DefaultValue("10s") Duration stopGrace,
        @DefaultValue("30s") Duration commandTimeout,
        @DefaultValue("10") int startupAttempts,
        @DefaultValue("2s") Duration startupFirstRetry,
        @DefaultValue("2m") Duration startupLongestRetry,
        @DefaultValue("8") int concurrency) {

    OrphanPolicy orphanPolicy(boolean embeddedTemporal) {
        if (orphanPolicy != null) {
            return orphanPolicy;
        }
        return embeddedTemporal ? OrphanPolicy.RESTORE : OrphanPolicy.STOP;
    }
}
