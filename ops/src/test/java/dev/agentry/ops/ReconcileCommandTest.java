package dev.agentry.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code agentry reconcile}, run by an operator beside a platform that works with a Temporal cluster. */
class ReconcileCommandTest {

    private static final String ALICE = "user-alice";
    private static final String ADMIN_TOKEN = "agt_test_admin_token_for_this_database_only";

    @TempDir
    Path platformHome;
    @TempDir
    Path operatorHome;

    record Outcome(int exitCode, String out, String err) {
        @SuppressWarnings("unchecked")
        Map<String, Object> report() throws Exception {
            return new ObjectMapper().readValue(out, Map.class);
        }
    }

    @Test
    void withoutATemporalTargetItRefusesAndPointsToTheTool() {
        Outcome outcome = agentry("reconcile", "--dry-run");

        assertThat(outcome.exitCode()).isEqualTo(ReconcileCommand.UNUSABLE);
        assertThat(outcome.err()).contains("reconcile tool").contains("--agentry.temporal.target");
        assertThat(outcome.out()).isEmpty();
    }

    @Test
    void itReportsInADryRunAndStopsAnOrphanUnderThePolicyOfAClusterOtherwise() throws Exception {
        try (EmbeddedTemporalService cluster = EmbeddedTemporalService.start(0);
             PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, platformHome,
                     "agentry.temporal.enabled=true", "agentry.temporal.target=" + cluster.target())) {
            String agentId = runningAgent(platform);
            WorkflowClient temporal = platform.bean(WorkflowClient.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> isOpen(temporal, agentId));
            String[] operatorArguments = {"--spring.datasource.url=" + database.jdbcUrl(),
                    "--spring.datasource.username=" + PostgresTestDatabase.USER, "--agentry.home=" + operatorHome,
                    "--agentry.admin-token=" + ADMIN_TOKEN, "--agentry.temporal.target=" + cluster.target()};

            Outcome dryRun = agentry(concat(new String[] {"reconcile", "--dry-run"}, operatorArguments));

            assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
            assertThat(dryRun.report()).containsEntry("dry_run", true).containsEntry("orphan_policy", "stop")
                    .containsEntry("running_agents", 1).containsEntry("open_schedules", 1)
                    .containsEntry("orphans", List.of()).containsEntry("repaired", List.of());

            temporal.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).terminate("lost");
            Outcome repair = agentry(concat(new String[] {"reconcile"}, operatorArguments));

            assertThat(repair.exitCode()).as(repair.err()).isZero();
            assertThat(repair.report()).containsEntry("dry_run", false)
                    .containsEntry("orphans", List.of(agentId)).containsEntry("repaired", List.of(agentId));
            await().atMost(Duration.ofSeconds(30)).until(() -> platform.queryOne(new FindAgent(agentId, ALICE), AgentView.class)
                    .map(AgentView::status).orElseThrow() == AgentStatus.STOPPED);
        }
    }

    private static String runningAgent(RunningPlatform platform) {
        platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
        String agentId = UUID.randomUUID().toString();
        platform.send(new CreateAgent(agentId, ALICE, new AgentSettings("reporter", "Summarise the news",
                ReasoningTier.STANDARD, null, new Schedule("0 9 1 1 *", "UTC"), List.of(), OverlapPolicy.SKIP,
                CatchUpPolicy.SKIP, null)), ALICE, "alice");
        platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
        return agentId;
    }

    private static boolean isOpen(WorkflowClient temporal, String agentId) {
        try {
            return temporal.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId)).describe().getStatus()
                    == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        }
    }

    private static Outcome agentry(String... arguments) {
        CommandLineRun run = CommandLineRun.of(arguments);
        return new Outcome(run.exitCode(), run.out(), run.err());
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
