package dev.agentry.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.RegisterModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The query side as the application assembles it: Spring finds the components, every
 * {@code @ProcessingGroup} bean receives each published event through Axon's annotation adapter,
 * and queries go through Axon's query gateway. Events get per-aggregate sequence numbers and a
 * clock that advances {@link #clockStep} per event.
 */
public final class QuerySide implements AutoCloseable {

    public static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    /** Each processing group's handlers: a group may have several classes, as Axon allows. */
    private final Map<String, List<AnnotationEventHandlerAdapter>> processingGroups = new TreeMap<>();
    private final QueryGateway queryGateway;
    private final SpringTransactionManager transactions;
    /** Events published but not yet delivered while {@link #inOneBatch} runs; null otherwise. */
    private List<DomainEventMessage<?>> batch;
    private final Map<String, Long> nextSequence = new HashMap<>();
    private Instant clock = START;
    private Duration clockStep = Duration.ofMinutes(1);

    public QuerySide(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param clock the {@link Clock} bean the application may declare; null for none, as by default */
    public QuerySide(DataSource dataSource, Clock clock) {
        if (clock != null) {
            context.registerBean(Clock.class, () -> clock);
        }
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
        context.registerBean(ObjectMapper.class, () -> new ObjectMapper());
        context.scan("dev.agentry.query");
        context.refresh();
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        for (Object component : context.getBeansWithAnnotation(Component.class).values()) {
            ProcessingGroup group = component.getClass().getAnnotation(ProcessingGroup.class);
            if (group != null) {
                processingGroups.computeIfAbsent(group.value(), name -> new java.util.ArrayList<>())
                        .add(new AnnotationEventHandlerAdapter(component));
            }
            if (hasQueryHandlers(component.getClass())) {
                new AnnotationQueryHandlerAdapter<>(component).subscribe(queryBus);
            }
        }
        queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
        transactions = new SpringTransactionManager(new JdbcTransactionManager(dataSource));
    }

    public Set<String> processingGroups() {
        return processingGroups.keySet();
    }

    /** Time between the timestamps of consecutive events; zero gives them all the same one. */
    public void clockStep(Duration step) {
        clockStep = step;
    }

    public DomainEventMessage<?> agentEvent(String agentId, Object event, Actor actor) {
        return publish("Agent", agentId, event, actor);
    }

    public DomainEventMessage<?> userEvent(String userId, Object event, Actor actor) {
        return publish("User", userId, event, actor);
    }

    /** An event of a catalogue model, stored under the model's prefixed aggregate identifier as the aggregate does. */
    public DomainEventMessage<?> modelEvent(String modelName, Object event, Actor actor) {
        return publish("CatalogueModel", RegisterModel.aggregateIdentifierOf(modelName), event, actor);
    }

    /** Hands an already published event to every projection again, as after a crash before the token was stored. */
    public void redeliver(DomainEventMessage<?> event) {
        processingGroups.values().forEach(group -> group.forEach(projection -> deliver(projection, event)));
    }

    /**
     * Delivers the events that {@code publishing} publishes only once it is done, as a streaming processor does:
     * to each processing group in one unit of work with one transaction, which a failing event rolls back.
     *
     * @return the published events, in order
     */
    public List<DomainEventMessage<?>> inOneBatch(Runnable publishing) {
        List<DomainEventMessage<?>> published = undelivered(publishing);
        deliverInOneBatch(published);
        return published;
    }

    /** The events that {@code publishing} publishes, in order, delivered to no projection. */
    public List<DomainEventMessage<?>> undelivered(Runnable publishing) {
        batch = new ArrayList<>();
        try {
            publishing.run();
            return batch;
        } finally {
            batch = null;
        }
    }

    /** Hands {@code events} to every processing group as one batch each; throws if a group's batch rolled back. */
    public void deliverInOneBatch(List<DomainEventMessage<?>> events) {
        processingGroups.forEach((name, group) -> deliverInOneUnitOfWork("the batch of " + name, events, group));
    }

    /** Hands {@code events} to every processing group in one shared batch, as a rebuild's single processor does. */
    public void deliverToEveryGroupInOneBatch(List<DomainEventMessage<?>> events) {
        deliverInOneUnitOfWork("the shared batch", events,
                processingGroups.values().stream().flatMap(List::stream).toList());
    }

    private void deliverInOneUnitOfWork(String batchName, List<DomainEventMessage<?>> events,
                                        List<AnnotationEventHandlerAdapter> projections) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            projections.forEach(projection -> deliver(projection, event));
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(batchName + " rolled back", result.exceptionResult());
        }
    }

    /** What a processor does before replaying its group from the start. */
    public void reset(String processingGroup) {
        List<AnnotationEventHandlerAdapter> group = processingGroups.get(processingGroup);
        if (group == null) {
            throw new IllegalArgumentException("no processing group " + processingGroup + " in " + processingGroups());
        }
        group.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    public <R> R query(Object query, Class<R> responseType) {
        return queryGateway.query(query, ResponseTypes.instanceOf(responseType)).join();
    }

    public <R> Optional<R> queryOptional(Object query, Class<R> responseType) {
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(responseType)).join();
    }

    public <R> List<R> queryList(Object query, Class<R> responseType) {
        return queryGateway.query(query, ResponseTypes.multipleInstancesOf(responseType)).join();
    }

    @Override
    public void close() {
        context.close();
    }

    private DomainEventMessage<?> publish(String aggregateType, String aggregateId, Object event, Actor actor) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plus(clockStep);
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, event,
                actor.metaData(), UUID.randomUUID().toString(), clock);
        if (batch != null) {
            batch.add(message);
        } else {
            redeliver(message);
        }
        return message;
    }

    private static void deliver(AnnotationEventHandlerAdapter projection, EventMessage<?> event) {
        try {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        } catch (Exception e) {
            throw new IllegalStateException("projection failed on " + event.getPayloadType().getSimpleName(), e);
        }
    }

    private static boolean hasQueryHandlers(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(method -> method.isAnnotationPresent(QueryHandler.class));
    }
}
