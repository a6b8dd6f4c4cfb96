package dev.agentry.infra.temporal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import dev.agentry.infra.postgres.node.NodeProperties;
import dev.agentry.infra.temporal.tracing.TemporalTracing;
import dev.agentry.workflows.sync.AgentScheduleSync;
import io.temporal.client.WorkflowClient;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What runs against Temporal: the worker, and temporal-sync, which applies the agents' events to it; not on
 * an api node.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "agentry.temporal.enabled", matchIfMissing = true)
@ConditionalOnExpression(NodeProperties.NOT_API)
class TemporalWorkerConfiguration {

    @Bean
    TemporalWorker temporalWorker(WorkflowClient client, ListableBeanFactory beans, TemporalProperties properties,
                                  TemporalTracing tracing) {
        return new TemporalWorker(client, beans, properties, tracing);
    }

    /** Axon finds its event handlers on any bean and runs them in the processor {@code temporal-sync}. */
    @Bean
    AgentScheduleSync agentScheduleSync(WorkflowClient client, EventStore eventStore) {
        return new AgentScheduleSync(client, eventStore);
    }
}
