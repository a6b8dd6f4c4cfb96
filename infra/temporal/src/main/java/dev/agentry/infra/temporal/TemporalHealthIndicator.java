package dev.agentry.infra.temporal;

import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Health {@code temporal}, part of readiness: up while the Temporal frontend answers {@code GetSystemInfo} within a
 * short deadline, so that a node that cannot reach Temporal takes no traffic (and is not restarted for it).
 */
@Component("temporalHealthIndicator")
@ConditionalOnProperty(name = "agentry.temporal.enabled", matchIfMissing = true)
class TemporalHealthIndicator extends AbstractHealthIndicator {

    private static final Duration DEADLINE = Duration.ofSeconds(2);

    private final WorkflowServiceStubs stubs;

    TemporalHealthIndicator(WorkflowServiceStubs stubs) {
        super("Temporal does not answer");
        this.stubs = stubs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            stubs.blockingStub().withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
            builder.up();
        } catch (StatusRuntimeException unanswered) {
            // the probe asks every few seconds: the status says enough, a stack trace each time would bury the log
            builder.down().withDetail("status", unanswered.getStatus().getCode().name());
        }
    }
}
