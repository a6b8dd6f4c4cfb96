package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.infra.postgres.node.ClusterLock;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.BackOffExecution;
import dev.agentry.workflows.reconciliation.Reconciliation;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;

/**
 * Reconciles once the platform is up, on a thread of its own so that startup does not wait for Temporal.
 * While Temporal is unavailable, or temporal-sync has not yet applied some starts, it tries again with a
 * doubling wait, a bounded number of times.
 */
class StartupReconciliation implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    static final String RECONCILIATION_LOCK = "agentry-reconciliation";
    private static final Logger log = LoggerFactory.getLogger(StartupReconciliation.class);

    private final Reconciliation reconciliation;
    private final ReconciliationProperties properties;
    private final ClusterLock lock;
    private volatile Thread worker;
    private volatile ReconciliationReport lastReport;

    StartupReconciliation(Reconciliation reconciliation, ReconciliationProperties properties, ClusterLock lock) {
        this.reconciliation = reconciliation;
        this.properties = properties;
        this.lock = lock;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (worker != null) {
            return;
        }
        worker = new Thread(this::reconcileUntilSettled, "reconciliation-at-startup");
        worker.setDaemon(true);
        worker.start();
    }

    /** The report of the latest attempt, or null before the first one ended. */
    ReconciliationReport lastReport() {
        return lastReport;
    }

    private void reconcileUntilSettled() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.startupFirstRetry().toMillis(), 2);
        backOff.setMaxInterval(properties.startupLongestRetry().toMillis());
        backOff.setMaxAttempts(Math.max(0, properties.startupAttempts() - 1));
        BackOffExecution retries = backOff.start();
        for (int attempt = 1; ; attempt++) {
            try {
                // nodes starting together reconcile one after the other, so each difference is repaired once
                ReconciliationReport report = lock.whileHolding(RECONCILIATION_LOCK, () -> reconciliation.reconcile(false));
                lastReport = report;
                if (report.temporalAvailable() && report.awaitingSync().isEmpty()) {
                    return;
                }
            } catch (RuntimeException failed) {
                log.warn("Reconciliation at startup failed (attempt {} of {})", attempt, properties.startupAttempts(), failed);
            }
            long wait = retries.nextBackOff();
            if (wait == BackOffExecution.STOP) {
                log.warn("Reconciliation at startup gave up after {} attempts; run it with the reconcile tool", attempt);
                return;
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    @Override
    public void destroy() {
        Thread running = worker;
        if (running != null) {
            running.interrupt();
        }
    }
}
