package dev.agentry.infra.platform.testing;

import java.time.Duration;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Axon's real local command and query buses and gateways, with handlers a test provides in place of
 * the aggregates and projections. Records every command that reached a handler, with its metadata.
 */
public final class InMemoryMessaging {

    public record SentCommand(Object payload, MetaData metaData) {
    }

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
    private final CommandGateway commandGateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    private final QueryGateway queryGateway = DefaultQueryGateway.builder().queryBus(queryBus).build();
    private final List<SentCommand> sent = new CopyOnWriteArrayList<>();

    /** Handles commands of this type; the handler may throw to reject them. */
    public <C> InMemoryMessaging onCommand(Class<C> type, Function<C, Object> handler) {
        commandBus.subscribe(type.getName(), (CommandMessage<?> message) -> {
            sent.add(new SentCommand(message.getPayload(), message.getMetaData()));
            return handler.apply(type.cast(message.getPayload()));
        });
        return this;
    }

    /** Answers queries of this type; a null answer reads as "not found". */
    public <Q, R> InMemoryMessaging onQuery(Class<Q> type, Class<R> answerType, Function<Q, Object> handler) {
        queryBus.subscribe(type.getName(), answerType,
                (QueryMessage<?, R> message) -> handler.apply(type.cast(message.getPayload())));
        return this;
    }

    public CommandGateway commandGateway() {
        return commandGateway;
    }

    public QueryGateway queryGateway() {
        return queryGateway;
    }

    public List<SentCommand> sentCommands() {
        return List.copyOf(sent);
    }

    /** Read models that answer at once with whatever the handlers above hold: nothing to wait for. */
    public static ReadModelFreshness readModelsAlwaysCurrent() {
        return new ReadModelFreshness() {
            @Override
            public void awaitEventsStoredSoFar() {
            }

            @Override
            public boolean awaitLatestEventOf(String aggregateId) {
                return true;
            }

            @Override
            public boolean awaitEventsUpTo(long globalIndex, Duration timeout) {
                return true;
            }
        };
    }
}
