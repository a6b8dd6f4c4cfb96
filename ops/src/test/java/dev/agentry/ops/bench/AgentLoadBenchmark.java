package dev.agentry.ops.bench;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How long a command takes on an agent with a long run history: loaded from its latest snapshot (the
 * default) against replayed from all its events (snapshots off, the baseline), in this one process on
 * the same PostgreSQL. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}; the table is
 * printed and written to {@code ops/target/bench/agent-load.txt}.
 */
public final class AgentLoadBenchmark {

    /** runs in the agent's history, one event each; a minutely agent records 1,440 a day */
    private static final int[] HISTORIES = {1_000, 10_000};
    private static final int WARM_UP_COMMANDS = 50;
    private static final int MEASURED_COMMANDS = 200;
    private static final String ALICE = "user-alice";
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");

    private AgentLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        List<String> table = new ArrayList<>(List.of(
                "agent history (events) | median command, no snapshots (ms) | median command, snapshots (ms) | ratio"));
        for (int history : HISTORIES) {
            double baseline = medianCommandMillis(history, 0);
            double snapshots = medianCommandMillis(history, 100);
            table.add("%d | %.2f | %.2f | %.1fx".formatted(history, baseline, snapshots, baseline / snapshots));
        }
        Path report = Path.of("target", "bench", "agent-load.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
        // Axon leaves a non-daemon janitor thread behind, as in the platform's own commands
        System.exit(0);
    }

    /** The median time to handle a command that loads the agent and changes nothing (starting a running agent). */
    private static double medianCommandMillis(int history, int eventsPerSnapshot) throws IOException {
        Path home = Files.createTempDirectory("agentry-bench");
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.event-store.agent-events-per-snapshot=" + eventsPerSnapshot,
                     "agentry.projections.read-your-writes-timeout=10m")) {
            platform.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
            String agentId = UUID.randomUUID().toString();
            platform.send(new CreateAgent(agentId, ALICE, settings()), ALICE, "alice");
            platform.send(new StartAgent(agentId, ALICE), ALICE, "alice");
            platform.send(new RecordAgentRun(agentId, "run-template", RunTrigger.SCHEDULE, FIRE, FIRE,
                    FIRE.plusSeconds(20), "claude-sonnet", 100, 20, "done", null), "system:scheduler", "system:scheduler");
            appendCopiesOfTheLastRun(platform, agentId, history - 1);
            // the projections catch up first, so that they do not compete with the measured commands
            platform.bean(ReadModelFreshness.class).awaitEventsStoredSoFar();

            CommandGateway commands = platform.bean(CommandGateway.class);
            for (int i = 0; i < WARM_UP_COMMANDS; i++) {
                startRunningAgent(commands, agentId);
            }
            long[] nanos = new long[MEASURED_COMMANDS];
            for (int i = 0; i < MEASURED_COMMANDS; i++) {
                long started = System.nanoTime();
                startRunningAgent(commands, agentId);
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            return nanos[nanos.length / 2] / 1e6;
        }
    }

    /** Writes the history straight into the event store: commands would take the baseline's quadratic time. */
    private static void appendCopiesOfTheLastRun(RunningPlatform platform, String agentId, int copies) {
        platform.jdbc().sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        SELECT gen_random_uuid()::text, e.aggregate_identifier, e.sequence_number + n, e.type,
                            e.time_stamp, e.payload_type, e.payload_revision,
                            convert_to(replace(convert_from(e.payload, 'UTF8'), 'run-template', 'run-' || n), 'UTF8'),
                            e.meta_data
                        FROM domain_event_entry e, generate_series(1, ?) n
                        WHERE e.aggregate_identifier = ?
                          AND e.sequence_number = (SELECT MAX(sequence_number) FROM domain_event_entry
                                                   WHERE aggregate_identifier = e.aggregate_identifier)""")
                .params(copies, agentId).update();
    }

    private static void startRunningAgent(CommandGateway commands, String agentId) {
        commands.sendAndWait(MessageMetadata.sentBy(new StartAgent(agentId, ALICE), ALICE, "alice"));
    }

    private static AgentSettings settings() {
        return new AgentSettings("reporter", "Summarise the news", ReasoningTier.STANDARD, null,
                new Schedule("* * * * *", "UTC"), List.of("current_time"), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null);
    }
}
