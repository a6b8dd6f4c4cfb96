package dev.agentry.ops.bench;

import com.google.protobuf.ByteString;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import dev.agentry.workflows.reconciliation.Reconciliation;
import dev.agentry.workflows.reconciliation.ReconciliationReport;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.AgentSchedules;
import dev.agentry.workflows.schedule.ScheduleFingerprint;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsResponse;
import io.temporal.client.WorkflowClient;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * {@code reconcile} over N running agents (default 10,000; {@code -Dagentry.bench.reconcile.agents=1000} for
 * fewer) whose schedules temporal-sync started in Temporal's in-memory service: a dry run with nothing to
 * repair, then a repair run after 10% of the schedules were terminated behind the platform's back (orphans,
 * restored) and 1% were given other settings (drift). The baseline, measured in the same run, is the least
 * any reconciliation must do: page through the open workflows with ListOpenWorkflowExecutions and read the
 * lifecycle events with plain JDBC. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}; the table
 * goes to {@code ops/target/bench/reconcile.txt}.
 */
public final class ReconcileBenchmark {

    private static final int AGENTS = Integer.getInteger("agentry.bench.reconcile.agents", 10_000);
    private static final long SCHEDULES_TIMEOUT_MS = Long.getLong("agentry.bench.reconcile.schedules-timeout-ms", 240_000);
    private static final double TARGET_SECONDS = 10;
    private static final String ALICE = "user-alice";
    private static final Schedule YEARLY = new Schedule("0 9 1 1 *", "Europe/Berlin");
    private static final List<String> LIFECYCLE = List.of("AgentCreated", "AgentReconfigured", "AgentStarted",
            "AgentStopped", "AgentDeleted", "AgentScheduleRestored").stream()
            .map(name -> "dev.agentry.command.api." + name).toList();

    private ReconcileBenchmark() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run() ? 0 : 1);
        } catch (Throwable failed) {
            failed.printStackTrace();
            System.exit(2);
        }
    }

    /** @return whether every report matched what was arranged */
    private static boolean run() throws Exception {
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        boolean wrong = false;
        try (EmbeddedTemporalService temporal = EmbeddedTemporalService.start(0);
             PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.temporal.enabled=true", "agentry.temporal.target=" + temporal.target(),
                     "agentry.reconciliation.orphan-policy=restore")) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            WorkflowClient client = platform.bean(WorkflowClient.class);

            long started = System.nanoTime();
            List<String> agents = createRunningAgents(platform.bean(CommandGateway.class));
            double createSeconds = seconds(started);
            long open = awaitOpenSchedules(client, agents.size());
            double schedulesSeconds = seconds(started);
            table.add("what | figure");
            table.add("running agents created (CreateAgent + StartAgent, 64 in flight) | %d in %.1f s".formatted(agents.size(), createSeconds));
            table.add("open schedules started by temporal-sync | %d after %.1f s from the first command".formatted(open, schedulesSeconds));
            if (open < agents.size()) {
                table.add("NOT ALL SCHEDULES STARTED within %d s: the figures below are for %d open schedules".formatted(SCHEDULES_TIMEOUT_MS / 1000, open));
            }

            double baseline = best(3, () -> {
                rawListing(client);
                rawLifecycleRead(database);
            });
            table.add("baseline: ListOpenWorkflowExecutions pages + JDBC read of the lifecycle events | %.2f s".formatted(baseline));

            Reconciliation reconciliation = platform.bean(Reconciliation.class);
            ReconciliationReport[] dry = new ReconciliationReport[1];
            double drySeconds = timed(() -> dry[0] = awaitSynced(reconciliation));
            table.add("reconcile dry run, nothing to repair | %.2f s (%s)".formatted(drySeconds, dry[0].summary()));
            table.add("ratio dry run / baseline | %.1f".formatted(drySeconds / baseline));
            wrong |= !dry[0].complete() || dry[0].runningAgents() != agents.size() || !dry[0].orphans().isEmpty()
                    || !dry[0].drifted().isEmpty() || !dry[0].zombies().isEmpty();

            List<String> lost = agents.subList(0, agents.size() / 10);
            List<String> drifted = agents.subList(agents.size() / 10, agents.size() / 10 + agents.size() / 100);
            AgentSchedules schedules = new AgentSchedules(client);
            inParallel(lost, agentId -> client.newUntypedWorkflowStub(AgentScheduleWorkflow.workflowIdFor(agentId))
                    .terminate("lost behind the platform's back"));
            var stale = ScheduleFingerprint.configOf(settings(new Schedule("0 6 * * *", "UTC")));
            inParallel(drifted, agentId -> schedules.of(agentId).reconfigure(stale));
            Thread.sleep(1_000); // the workflows take the signals in

            ReconciliationReport[] repair = new ReconciliationReport[1];
            double repairSeconds = timed(() -> repair[0] = reconciliation.reconcile(false));
            table.add("reconcile repair run, %d orphans restored + %d drifted corrected | %.2f s (%s)".formatted(
                    lost.size(), drifted.size(), repairSeconds, repair[0].summary()));
            table.add("ratio repair run / baseline | %.1f".formatted(repairSeconds / baseline));
            wrong |= repair[0].orphans().size() != lost.size() || repair[0].drifted().size() != drifted.size()
                    || repair[0].repaired().size() != lost.size() + drifted.size() || !repair[0].errors().isEmpty();

            ReconciliationReport[] after = new ReconciliationReport[1];
            double afterSeconds = timed(() -> after[0] = reconciliation.reconcile(true));
            table.add("reconcile dry run after the repairs | %.2f s (%s)".formatted(afterSeconds, after[0].summary()));
            wrong |= !after[0].orphans().isEmpty() || !after[0].drifted().isEmpty() || !after[0].zombies().isEmpty();

            table.add("target: %d running agents under %.0f s, dry run and repair | dry run %s, repair %s".formatted(
                    AGENTS, TARGET_SECONDS, verdict(drySeconds, open), verdict(repairSeconds, open)));
            table.add("before this change (from the issue): 1,000 running agents, dry run | 6.6 s");
            if (wrong) {
                table.add("WRONG: a report does not match what was arranged");
            }
        }
        Path report = Path.of("target", "bench", "reconcile.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
        return !wrong;
    }

    private static String verdict(double seconds, long agents) {
        return (seconds < TARGET_SECONDS ? "met" : "MISSED") + (agents < AGENTS ? " (for " + agents + " agents only)" : "");
    }

    private static List<String> createRunningAgents(CommandGateway commands) throws InterruptedException {
        AgentSettings settings = settings(YEARLY);
        Semaphore inFlight = new Semaphore(64);
        List<String> agents = new ArrayList<>();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            String agentId = UUID.randomUUID().toString();
            agents.add(agentId);
            inFlight.acquire();
            CompletableFuture<?> running = commands.send(MessageMetadata.sentBy(new CreateAgent(agentId, ALICE, settings), ALICE, "alice"))
                    .thenCompose(created -> commands.send(MessageMetadata.sentBy(new StartAgent(agentId, ALICE), ALICE, "alice")))
                    .whenComplete((result, failure) -> inFlight.release());
            sent.add(running);
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return agents;
    }

    private static AgentSettings settings(Schedule schedule) {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null, schedule,
                List.of("current_time"), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
    }

    private static long awaitOpenSchedules(WorkflowClient client, int expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + SCHEDULES_TIMEOUT_MS;
        long open = rawListing(client);
        while (open < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(2_000);
            open = rawListing(client);
        }
        return open;
    }

    /** A dry run once temporal-sync has applied every start (none awaiting sync). */
    private static ReconciliationReport awaitSynced(Reconciliation reconciliation) {
        ReconciliationReport report = reconciliation.reconcile(true);
        for (int attempt = 0; attempt < 20 && !report.awaitingSync().isEmpty(); attempt++) {
            sleep(1_000);
            report = reconciliation.reconcile(true);
        }
        return report;
    }

    private static long rawListing(WorkflowClient client) {
        long count = 0;
        ByteString page = ByteString.EMPTY;
        do {
            ListOpenWorkflowExecutionsRequest request = ListOpenWorkflowExecutionsRequest.newBuilder()
                    .setNamespace(client.getOptions().getNamespace())
                    .setMaximumPageSize(1000)
                    .setNextPageToken(page)
                    .build();
            ListOpenWorkflowExecutionsResponse response = null;
            for (int attempt = 1; response == null; attempt++) {
                try {
                    response = client.getWorkflowServiceStubs().blockingStub().listOpenWorkflowExecutions(request);
                } catch (io.grpc.StatusRuntimeException listedWhileStarting) {
                    // the in-memory service's listing can fail while executions start (see ScheduleWorkflows)
                    if (attempt == 20) {
                        throw listedWhileStarting;
                    }
                    sleep(100);
                }
            }
            count += response.getExecutionsList().stream()
                    .filter(execution -> execution.getExecution().getWorkflowId().startsWith("agent-")).count();
            page = response.getNextPageToken();
        } while (!page.isEmpty());
        return count;
    }

    private static void rawLifecycleRead(PostgresTestDatabase database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), PostgresTestDatabase.USER, "");
             PreparedStatement select = connection.prepareStatement("""
                     SELECT global_index, aggregate_identifier, payload_type, payload, meta_data FROM domain_event_entry
                     WHERE payload_type = ANY (?) ORDER BY global_index""")) {
            connection.setAutoCommit(false);
            select.setFetchSize(1_000);
            select.setArray(1, connection.createArrayOf("text", LIFECYCLE.toArray()));
            long bytes = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bytes += rows.getBytes("payload").length + rows.getBytes("meta_data").length;
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("no lifecycle events read");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void inParallel(List<String> agentIds, Consumer<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (String agentId : agentIds) {
                calls.add(pool.submit(() -> call.accept(agentId)));
            }
            for (Future<?> done : calls) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static double best(int times, Runnable work) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < times; i++) {
            best = Math.min(best, timed(work));
        }
        return best;
    }

    private static double timed(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return seconds(started);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
