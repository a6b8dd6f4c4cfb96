package dev.agentry.infra.slack;

import dev.agentry.infra.secrets.SecretStore;
import dev.agentry.query.api.FindSlackConnection;
import dev.agentry.query.api.SlackConnectionView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Each user's Slack connection with its bot token, revealed from the secret store only here and only for that
 * user: nothing outside this class asks for another user's token, and no answer carries one.
 */
public class SlackConnections {

    /** A connection and its token, for acting as the connection's bot. */
    public record Connected(SlackConnectionView connection, BotToken token) {
    }

    private final QueryGateway queries;
    private final SecretStore secrets;

    public SlackConnections(QueryGateway queries, SecretStore secrets) {
        this.queries = queries;
        this.secrets = secrets;
    }

    /** The user's connection as recorded, without its token. */
    public Optional<SlackConnectionView> find(String userId) {
        try {
            return queries.query(new FindSlackConnection(userId), ResponseTypes.optionalInstanceOf(SlackConnectionView.class))
                    .get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackFailure(SlackFailure.Kind.UNAVAILABLE, null, "interrupted while reading the Slack connection", null);
        } catch (ExecutionException | TimeoutException e) {
            throw new SlackFailure(SlackFailure.Kind.UNAVAILABLE, null, "the Slack connection could not be read", null);
        }
    }

    /** The user's connection with its token; empty when the user has none (or its secret is gone). */
    public Optional<Connected> connectedAs(String userId) {
        return find(userId).flatMap(connection -> secrets.reveal(connection.secretId())
                .map(token -> new Connected(connection, new BotToken(token))));
    }

    /** Keeps a checked token; the answer is the reference that events carry. */
    public String storeToken(BotToken token) {
        return secrets.store(token.value());
    }

    public void deleteToken(String secretId) {
        secrets.delete(secretId);
    }
}
