package dev.agentry.infra.postgres.readmodel;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code agentry.event_processor.lag}: per event processor of this node, how many events of the store it
 * has still to process (the store's highest global index minus its least advanced claimed segment's
 * position). Read when the metrics are collected, so it costs nothing while telemetry is off.
 */
@Component
class EventProcessorLagMetric implements DisposableBean {

    private static final AttributeKey<String> PROCESSOR = AttributeKey.stringKey("agentry.event_processor.name");

    private final ObservableLongGauge gauge;

    EventProcessorLagMetric(ObjectProvider<OpenTelemetry> openTelemetry, EventProcessingConfiguration processing,
                            JdbcClient jdbc) {
        this.gauge = openTelemetry.getIfAvailable(OpenTelemetry::noop).getMeter("dev.agentry.eventprocessing")
                .gaugeBuilder("agentry.event_processor.lag").ofLongs().setUnit("{event}")
                .setDescription("Events in the store an event processor has not processed yet")
                .buildWithCallback(measurement -> {
                    long head = jdbc.sql("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry")
                            .query(Long.class).single();
                    processing.eventProcessors().values().stream()
                            .filter(StreamingEventProcessor.class::isInstance)
                            .map(StreamingEventProcessor.class::cast)
                            .forEach(processor -> measurement.record(lag(processor, head),
                                    Attributes.of(PROCESSOR, processor.getName())));
                });
    }

    private static long lag(StreamingEventProcessor processor, long head) {
        long least = processor.processingStatus().values().stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min().orElse(0);
        return Math.max(0, head - least);
    }

    @Override
    public void destroy() {
        gauge.close();
    }
}
