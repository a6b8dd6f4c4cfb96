package dev.agentry.infra.mcp;

import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads the read models for a tool, within the call timeout. */
@Component
public class ReadModelQueries {

    private final QueryGateway queryGateway;
    private final ReadModelFreshness freshness;
    private final McpProperties properties;

    public ReadModelQueries(QueryGateway queryGateway, ReadModelFreshness freshness, McpProperties properties) {
        this.queryGateway = queryGateway;
        this.freshness = freshness;
        this.properties = properties;
    }

    /**
     * Call after a successful command on the aggregate, so that the following reads include its events.
     *
     * @return false when the read models are still behind after the configured wait: the change is stored,
     * and the tool answers from the command's own outcome instead
     */
    public boolean awaitOwnWrite(String aggregateId) {
        return freshness.awaitLatestEventOf(aggregateId);
    }

    public <R> Optional<R> findOne(Object query, Class<R> resultType) {
        Optional<R> found = await(queryGateway.query(query, ResponseTypes.optionalInstanceOf(resultType)));
        return found == null ? Optional.empty() : found;
    }

    public <R> List<R> findAll(Object query, Class<R> resultType) {
        List<R> found = await(queryGateway.query(query, ResponseTypes.multipleInstancesOf(resultType)));
        return found == null ? List.of() : found;
    }

    private <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolFailure.unavailable("the platform is shutting down; retry later");
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw ToolFailure.unavailable("the read models did not answer in time; retry later");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
