package dev.agentry.infra.temporal;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.run.RunOutcome;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleConfig;
import dev.agentry.workflows.schedule.ScheduleState;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Where the platform finds Temporal, and that its worker runs the schedule workflow and its activities there. */
class TemporalConnectionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @TempDir
    Path home;
    private PostgresTestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void withoutATargetTheWorkerRunsSchedulesAndTheirActivitiesOnTheInMemoryService() {
        try (RunningPlatform platform = RunningPlatform.start(database, home, "agentry.temporal.enabled=true")) {
            EmbeddedTemporalService embedded = platform.bean(EmbeddedTemporalService.class);
            assertThat(embedded.port()).isPositive().isNotEqualTo(7233);
            // the port is for other processes; this one's messages pass in memory
            assertThat(platform.bean(WorkflowServiceStubs.class).getRawChannel()).isSameAs(embedded.inProcessChannel());

            assertTheWorkerRunsAScheduleAndItsActivity(platform.bean(WorkflowClient.class), "embedded");
            // the service stops with this process's worker, so its tasks may stick to that worker's cache
            assertThat(platform.bean(TemporalWorker.class).sticky()).isTrue();
        }
    }

    @Test
    void withATargetThePlatformWorksOnThatServiceAndRunsNoServiceOfItsOwn() {
        try (EmbeddedTemporalService cluster = EmbeddedTemporalService.start(0);
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.temporal.enabled=true", "agentry.temporal.target=" + cluster.target())) {
            assertThatThrownBy(() -> platform.bean(EmbeddedTemporalService.class))
                    .isInstanceOf(NoSuchBeanDefinitionException.class);

            // a client of the test's own: the schedule lives on the cluster, and the platform's worker runs it
            assertTheWorkerRunsAScheduleAndItsActivity(clientOf(cluster.target()), "on-cluster");
            // an in-memory service of another process would keep a task for this worker after it died
            assertThat(platform.bean(TemporalWorker.class).sticky()).isFalse();
        }
    }

    @Test
    void aPlatformStartedAgainAgainstTheInMemoryServiceTakesOverTheSchedulesOfTheOneBeforeIt() {
        try (EmbeddedTemporalService cluster = EmbeddedTemporalService.start(0)) {
            WorkflowClient client = clientOf(cluster.target());
            AgentScheduleWorkflow schedule;
            try (RunningPlatform first = RunningPlatform.start(database, home,
                    "agentry.temporal.enabled=true", "agentry.temporal.target=" + cluster.target())) {
                schedule = startManualOnlySchedule(client, "taken-over");
                assertThat(schedule.describe().agentId()).isEqualTo("taken-over");
            }
            try (RunningPlatform second = RunningPlatform.start(database, home,
                    "agentry.temporal.enabled=true", "agentry.temporal.target=" + cluster.target())) {
                // a task the in-memory service kept for the first platform's worker would never be answered
                schedule.triggerNow("run-taken-over-manual-1");
                // the run ends at once for want of the agent: that it ran at all shows the signal was handled
                await().atMost(PATIENCE).ignoreExceptions().until(() -> client.newUntypedWorkflowStub("run-taken-over-manual-1")
                        .getResult(1, TimeUnit.SECONDS, RunOutcome.class) != null);
            }
        }
    }

    @Test
    void anApiKeyTravelsAsBearerTokenOnEveryCall() throws IOException {
        Set<String> authorizations = ConcurrentHashMap.newKeySet();
        ServerInterceptor recordAuthorization = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                              ServerCallHandler<Q, R> next) {
                authorizations.add(String.valueOf(headers.get(AUTHORIZATION)));
                return next.startCall(call, headers);
            }
        };
        int port = freePort();
        TestServicesStarter services = new TestServicesStarter(true, 0);
        var builder = Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
        GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder, List.of(recordAuthorization));
        Server server = builder.build().start();
        try (RunningPlatform platform = RunningPlatform.start(database, home,
                "agentry.temporal.enabled=true", "agentry.temporal.target=127.0.0.1:" + port,
                "agentry.temporal.api-key=key-for-tests", "agentry.temporal.tls.enabled=false")) {
            assertTheWorkerRunsAScheduleAndItsActivity(platform.bean(WorkflowClient.class), "with-key");
        } finally {
            server.shutdownNow();
            services.close();
        }
        assertThat(authorizations).containsExactly("Bearer key-for-tests");
    }

    @Test
    void anInMemoryServiceOnATakenPortSaysHowToChooseAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> EmbeddedTemporalService.start(taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("agentry.temporal.embedded-port")
                    .hasMessageContaining("agentry.temporal.target");
        }
    }

    /**
     * Starts a schedule that believes a run is in progress: only the worker's schedule workflow answers the
     * query, and only the run-status activity (which finds no such run) lets it forget the run.
     */
    private static void assertTheWorkerRunsAScheduleAndItsActivity(WorkflowClient client, String agentId) {
        ScheduleConfig config = new ScheduleConfig(null, null, null, "test");
        ScheduleState believesARunIsGoing = new ScheduleState(agentId, config, false, null, null, "run-that-never-was", 0);
        AgentScheduleWorkflow schedule = client.newWorkflowStub(AgentScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(agentId))
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                .build());
        WorkflowClient.start(schedule::run, believesARunIsGoing);

        await().atMost(PATIENCE).until(() -> schedule.describe().runInProgress() == null);
        assertThat(schedule.describe().agentId()).isEqualTo(agentId);
        schedule.stop();
    }

    private static AgentScheduleWorkflow startManualOnlySchedule(WorkflowClient client, String agentId) {
        AgentScheduleWorkflow schedule = client.newWorkflowStub(AgentScheduleWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(AgentScheduleWorkflow.workflowIdFor(agentId))
                .setTaskQueue(AgentScheduleWorkflow.TASK_QUEUE)
                .build());
        WorkflowClient.start(schedule::run, ScheduleState.startingNow(agentId, new ScheduleConfig(null, null, null, "test")));
        return schedule;
    }

    private static WorkflowClient clientOf(String target) {
        return WorkflowClient.newInstance(
                WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder().setTarget(target).build()),
                WorkflowClientOptions.newBuilder().setDataConverter(TemporalConnectionConfiguration.dataConverter()).build());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
