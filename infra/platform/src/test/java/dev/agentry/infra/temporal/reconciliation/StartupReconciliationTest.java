package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import dev.agentry.infra.postgres.node.ClusterLock;
import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopOrphanedAgent;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.workflows.reconciliation.OrphanPolicy;
import dev.agentry.workflows.reconciliation.Reconciliation;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reconciliation at startup waits for Temporal instead of concluding anything while it is unreachable. */
class StartupReconciliationTest {

    @Test
    void itTriesAgainUntilTemporalAnswersAndOnlyThenRepairs() throws Exception {
        int port = freePort();
        InMemoryEventStorageEngine events = new InMemoryEventStorageEngine();
        AgentSettings settings = new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null,
                new Schedule("0 9 1 1 *", "UTC"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
        events.appendEvents(new GenericDomainEventMessage<>("Agent", "a1", 0, new AgentCreated("a1", "user-alice", settings)),
                new GenericDomainEventMessage<>("Agent", "a1", 1, new AgentStarted("a1")));
        InMemoryMessaging messaging = new InMemoryMessaging().onCommand(StopOrphanedAgent.class, command -> null);
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + port)
                .setRpcTimeout(Duration.ofSeconds(2))
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(Duration.ofSeconds(1)).validateBuildWithDefaults())
                .build());
        Reconciliation reconciliation = new Reconciliation(events, types -> events.readEvents(null, false)
                .filter(event -> types.contains(event.getPayloadType())), messaging.commandGateway(), WorkflowClient.newInstance(stubs),
                () -> Long.MAX_VALUE, new Reconciliation.Options(OrphanPolicy.STOP, Duration.ofSeconds(1), Duration.ofSeconds(5)));
        PostgresTestDatabase database = PostgresTestDatabase.create();
        StartupReconciliation startup = new StartupReconciliation(reconciliation, new ReconciliationProperties(
                null, true, Duration.ofSeconds(1), Duration.ofSeconds(5), 30, Duration.ofMillis(200), Duration.ofMillis(500), 8),
                new ClusterLock(new DriverManagerDataSource(database.jdbcUrl(), PostgresTestDatabase.USER, "")));
        try {
            startup.onApplicationEvent(null);

            await().atMost(Duration.ofSeconds(20)).until(() -> startup.lastReport() != null);
            assertThat(startup.lastReport().temporalAvailable()).isFalse();
            assertThat(messaging.sentCommands()).isEmpty();

            try (EmbeddedTemporalService temporal = EmbeddedTemporalService.start(port)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> startup.lastReport().temporalAvailable());

                assertThat(startup.lastReport().orphans()).containsExactly("a1");
                assertThat(messaging.sentCommands()).singleElement().satisfies(sent -> {
                    assertThat(sent.payload()).isEqualTo(new StopOrphanedAgent("a1"));
                    assertThat(sent.metaData()).containsEntry(MessageMetadata.ACTOR_ID, "system:reconciliation");
                });
            }
        } finally {
            startup.destroy();
            database.close();
            stubs.shutdownNow();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
