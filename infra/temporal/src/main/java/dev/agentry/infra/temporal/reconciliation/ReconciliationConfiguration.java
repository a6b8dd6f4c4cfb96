package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.infra.postgres.node.ClusterLock;
import dev.agentry.infra.postgres.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import dev.agentry.infra.temporal.TemporalProperties;
import dev.agentry.workflows.reconciliation.Reconciliation;
import io.opentelemetry.api.OpenTelemetry;
import io.temporal.client.WorkflowClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reconciliation where the platform works with Temporal, and its run at startup. temporal-sync's tokens are
 * read with the serializer of Axon's token store (the primary one), events with Axon's event serializer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "agentry.temporal.enabled", matchIfMissing = true)
class ReconciliationConfiguration {

    @Bean
    Reconciliation reconciliation(EventStorageEngine events, CommandGateway commands, WorkflowClient temporal,
                                  JdbcClient jdbc, Serializer tokenSerializer,
                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                  ReconciliationProperties properties, TemporalProperties temporalProperties,
                                  ObjectProvider<OpenTelemetry> openTelemetry) {
        return new Reconciliation(events, new LifecycleEventsInTheStore(jdbc, eventSerializer), commands, temporal,
                new SyncTokenProgress(jdbc, tokenSerializer),
                new Reconciliation.Options(properties.orphanPolicy(temporalProperties.embedded()),
                        properties.stopGrace(), properties.commandTimeout(), properties.concurrency()),
                new RepairMetric(openTelemetry.getIfAvailable(OpenTelemetry::noop)));
    }

    @Bean
    @ConditionalOnProperty(name = "agentry.reconciliation.on-startup", matchIfMissing = true)
    @ConditionalOnExpression(NodeProperties.NOT_API)
    StartupReconciliation startupReconciliation(Reconciliation reconciliation, ReconciliationProperties properties,
                                                ClusterLock lock) {
        return new StartupReconciliation(reconciliation, properties, lock);
    }
}
