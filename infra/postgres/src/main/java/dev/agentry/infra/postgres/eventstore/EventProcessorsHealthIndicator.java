package dev.agentry.infra.postgres.eventstore;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Health {@code eventProcessors}, part of readiness: up only while every event processor of this node (the
 * projections and temporal-sync) runs without error, since a node whose read models stand still must not answer.
 */
@Component("eventProcessorsHealthIndicator")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        super("the event processors cannot be inspected");
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> states = new TreeMap<>();
        boolean allRunning = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean running = processor.isRunning() && !processor.isError();
            allRunning &= running;
            states.put(processor.getName(), processor.isError() ? "error" : processor.isRunning() ? "running" : "stopped");
        }
        (allRunning ? builder.up() : builder.down()).withDetails(states);
    }
}
