package dev.agentry.infra.mcp.admin;

import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.workflows.reconciliation.OrphanPolicy;
import dev.agentry.workflows.reconciliation.Reconciliation;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool's answers when there is no report to give; the reports themselves are proven with the platform. */
class ReconcileToolTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);

    @Test
    void withoutTemporalThereIsNothingToReconcile() {
        ReconcileTool tool = new ReconcileTool(new StaticListableBeanFactory().getBeanProvider(Reconciliation.class));

        assertThat(ToolCalls.errorText(ToolCalls.call(tool, ADMIN, Map.of())))
                .isEqualTo("failed_precondition: this platform runs without Temporal, so there is nothing to reconcile");
    }

    @Test
    void anUnreachableTemporalIsUnavailableAndNothingIsChanged() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort)
                .setRpcTimeout(Duration.ofSeconds(2))
                .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(Duration.ofSeconds(2)).validateBuildWithDefaults())
                .build());
        InMemoryMessaging messaging = new InMemoryMessaging();
        try {
            Reconciliation reconciliation = new Reconciliation(new InMemoryEventStorageEngine(), types -> Stream.empty(),
                    messaging.commandGateway(),
                    WorkflowClient.newInstance(stubs), () -> Long.MAX_VALUE,
                    new Reconciliation.Options(OrphanPolicy.STOP, Duration.ofSeconds(1), Duration.ofSeconds(1)));
            ReconcileTool tool = new ReconcileTool(new StaticListableBeanFactory(Map.of("reconciliation", reconciliation))
                    .getBeanProvider(Reconciliation.class));

            assertThat(ToolCalls.errorText(ToolCalls.call(tool, ADMIN, Map.of("dry_run", false))))
                    .startsWith("unavailable: Temporal is unavailable (UNAVAILABLE)")
                    .endsWith("; nothing was changed, retry later");
        } finally {
            stubs.shutdownNow();
        }
        assertThat(messaging.sentCommands()).isEmpty();
    }
}
