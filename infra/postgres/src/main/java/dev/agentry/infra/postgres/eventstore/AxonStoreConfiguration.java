package dev.agentry.infra.postgres.eventstore;

import dev.agentry.infra.postgres.readmodel.ProjectionProperties;

import com.fasterxml.jackson.databind.Module;
import dev.agentry.command.api.MessageMetadata;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;


/**
 * Axon on PostgreSQL: the JDBC event and token stores of Axon's auto-configuration with the
 * snake_case tables that Flyway creates, tracking processors, and an error handler that
 * propagates so that a failing event is retried instead of skipped.
 */
@Configuration(proxyBeanMethods = false)
class AxonStoreConfiguration {


    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /** Applied by Spring Boot to the ObjectMapper that Axon's Jackson serializer reads events with. */
    @Bean
    Module canonicalInstants() {
        return CanonicalInstants.module();
    }

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Axon's own token store, except that each application context claims segments under a name of its own: under
     * Axon's default, the JVM's {@code pid@host}, two contexts in one JVM (a rebuild beside a node in a test) would
     * each take the other's claims for their own.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, @Qualifier("serializer") Serializer serializer,
                          TokenSchema schema, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .schema(schema)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8))
                .build();
    }

    @Bean
    ConfigurerModule streamingProcessorsThatNeverSkipAnEvent(ProjectionProperties projections, JdbcClient jdbc,
                                                             TokenSchema tokens) {
        return configurer -> configurer.eventProcessing()
                // tracking rather than pooled: the pooled coordinator polls an embedded event store every
                // 500 ms, which every tool call would wait for to read its own write
                .usingTrackingEventProcessors()
                // a thread per segment, so that one node alone processes every segment and several nodes share
                // them: as many as the store has, which may be more than this process is configured to create (a
                // command-line rebuild, or a node whose setting is lower than the cluster's)
                .registerTrackingEventProcessorConfiguration(config -> TrackingEventProcessorConfiguration
                        .forParallelProcessing(Math.max(projections.segments(), mostSegmentsStored(jdbc, tokens)))
                        .andBatchSize(projections.batchSize())
                        .andInitialSegmentsCount(projections.segments())
                        .andTokenClaimInterval(projections.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                        .andEventAvailabilityTimeout(projections.eventAvailabilityTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance());
    }

    /** The most segments any processor has in the token store; 0 where it holds none yet. */
    private static int mostSegmentsStored(JdbcClient jdbc, TokenSchema tokens) {
        return jdbc.sql("SELECT COALESCE(MAX(segments), 0) FROM (SELECT COUNT(*) AS segments FROM "
                        + tokens.tokenTable() + " GROUP BY " + tokens.processorNameColumn() + ") stored")
                .query(Integer.class).single();
    }

    /**
     * Axon's query bus, but without wrapping each query in a database transaction: a query handler only
     * reads, and under read committed a transaction would give its statements no common snapshot anyway,
     * only a commit round trip and the transaction bookkeeping on every tool call.
     */
    @Bean
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** Axon's own JDBC storage engine, which its auto-configuration leaves out once the event store is ours. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connections,
                                          TransactionManager transactionManager, EventSchema schema) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactionManager)
                .schema(schema)
                .build();
    }

    /**
     * Axon's embedded event store, looking again every {@code agentry.event-store.poll-interval} rather than Axon's
     * second for events other nodes appended: it learns of this node's appends at once, but a write made on
     * another node whose aggregate a segment here owns is answered only once this node has processed it
     * (read-your-writes), so a second there was most of such a tool call's time.
     */
    @Qualifier("eventStore")
    @Bean(name = "eventBus")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration axon,
                                  EventStoreProperties properties) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(axon.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.pollInterval().toMillis())
                .timeUnit(TimeUnit.MILLISECONDS)
                .build();
    }

    /**
     * Snapshots an agent after every {@code agentry.event-store.agent-events-per-snapshot} events (0: never), so
     * that loading one reads the latest snapshot and at most that many events. The name is the one {@code Agent}
     * asks for.
     */
    @Bean
    SnapshotTriggerDefinition agentSnapshotTrigger(
            Snapshotter snapshotter,
            EventStoreProperties properties) {
        int eventsPerSnapshot = properties.agentEventsPerSnapshot();
        return eventsPerSnapshot == 0
                ? NoSnapshotTriggerDefinition.INSTANCE
                : new EventCountSnapshotTriggerDefinition(snapshotter, eventsPerSnapshot);
    }

    /** Who acted and which request caused it travel from each command into every event it produces. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(MessageMetadata.ACTOR_ID, MessageMetadata.ACTOR_NAME);
    }
}
