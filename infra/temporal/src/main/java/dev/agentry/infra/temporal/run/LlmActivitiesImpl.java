package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.workflows.run.LlmActivityFailures;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls the model through the gateway and turns the provider's classification of a failure into
 * Temporal's terms ({@link LlmActivityFailures}). While the call is under way the activity
 * heartbeats, so that a call lost with its worker (a crash, a redeploy) is retried within the heartbeat
 * timeout instead of after the whole call timeout.
 */
public class LlmActivitiesImpl implements LlmActivities {

    /** A third of the heartbeat timeout the run workflow declares: two beats may be late. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    private final LlmGateway gateway;
    private final ChatTelemetry telemetry;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(beat -> {
        Thread thread = new Thread(beat, "llm-call-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    public LlmActivitiesImpl(LlmGateway gateway) {
        this(gateway, OpenTelemetry.noop(), false);
    }

    /** @param captureContent whether the call's span records the prompt and the completion */
    public LlmActivitiesImpl(LlmGateway gateway, OpenTelemetry openTelemetry, boolean captureContent) {
        this.gateway = gateway;
        this.telemetry = new ChatTelemetry(openTelemetry, captureContent);
    }

    @Override
    public LlmResponse complete(String providerName, LlmRequest request) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        ScheduledFuture<?> beating = heartbeats.scheduleAtFixedRate(() -> activity.heartbeat(null),
                0, HEARTBEAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return telemetry.chat(providerName, request, () -> gateway.complete(providerName, request));
        } catch (LlmCallFailure failure) {
            throw LlmActivityFailures.asActivityFailure(failure);
        } finally {
            beating.cancel(false);
        }
    }

}
