package dev.agentry.ops.bench;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.postgres.readmodel.ProjectionRebuild;
import dev.agentry.ops.ReadModelRebuildApplication;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * {@code projections rebuild} of every read model over a realistic store written straight into
 * {@code domain_event_entry} (2,000 users' agents, runs about 90% of the events, serialised by the platform's own
 * event serializer), compared with a raw JDBC scan of the same rows: the scan is what the database allows a
 * replay to read, the target is 100,000 events/s. The rebuilt read models are counted against what was generated,
 * so a replay that loses events fails the build. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}
 * ({@code -Dagentry.bench.replay.events=100000} for a quick run); the table goes to
 * {@code ops/target/bench/projection-replay.txt}.
 */
public final class ProjectionReplayBenchmark {

    private static final long TARGET_EVENTS_PER_SECOND = 100_000;
    private static final int MAX_USERS = 2_000;
    private static final int INSERT_BATCH = 2_000;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private ProjectionReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("agentry.bench.replay.events", 1_000_000);
        List<String> table = new ArrayList<>();
        boolean lost;
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             ConfigurableApplicationContext context = ReadModelRebuildApplication.builder()
                     .run("--spring.datasource.url=" + database.jdbcUrl(),
                             "--spring.datasource.username=" + PostgresTestDatabase.USER,
                             "--agentry.home=" + Files.createTempDirectory("agentry-bench-replay"),
                             ReadModelRebuildApplication.replayingTogether(ReadModel.TABLES.keySet()))) {
            List<EventProcessor> processors = List.copyOf(
                    context.getBean(EventProcessingConfiguration.class).eventProcessors().values());
            // the store is filled behind the processors' backs, then their tokens are set to its head, as on a
            // platform that had projected every event before the operator asked for a rebuild
            // stopped only once each holds its segments: one stopped while it claims them can leave a claim behind
            awaitEverySegmentClaimed(processors);
            processors.forEach(EventProcessor::shutDown);
            Generated generated = new StoreWriter(context.getBean("eventSerializer", Serializer.class), events)
                    .writeInto(database);
            long head = moveTokensToTheHead(database, context.getBean("serializer", Serializer.class));
            processors.forEach(EventProcessor::start);

            scan(database); // warms the cache, as the rebuild would find a store in use
            double scanPerSecond = scan(database);

            ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
            long started = System.nanoTime();
            rebuild.rebuild(rebuild.readModelNames(), Duration.ofMinutes(30), Duration.ofSeconds(10),
                    progress -> System.out.printf(Locale.ROOT, "replayed %,d / %,d events, %,.0f events/s%n",
                            progress.replayed(), progress.total(), progress.rate()));
            double seconds = (System.nanoTime() - started) / 1e9;
            double rebuildPerSecond = head / seconds;

            Counts counts = Counts.of(database, generated.lastRunOfAgent());
            table.add("what | figure");
            table.add("events in the store | %,d (%,d users, %,d agents, %,d runs)".formatted(head,
                    generated.users(), generated.agents(), generated.runs()));
            table.add("raw JDBC scan of domain_event_entry, every column (baseline) | %,.0f rows/s".formatted(scanPerSecond));
            table.add("projections rebuild of every read model | %,.0f events/s (%.1f s)".formatted(rebuildPerSecond, seconds));
            table.add("ratio rebuild / scan | %.3f".formatted(rebuildPerSecond / scanPerSecond));
            table.add("rebuild / target %,d events/s | %.2f".formatted(TARGET_EVENTS_PER_SECOND,
                    rebuildPerSecond / TARGET_EVENTS_PER_SECOND));
            table.add("agent_runs rows | %,d of %,d".formatted(counts.runs(), generated.runs()));
            table.add("agent_status rows | %,d of %,d".formatted(counts.agents(), generated.agents()));
            table.add("audit_log rows | %,d of %,d".formatted(counts.auditEntries(), head));
            table.add("users rows | %,d of %,d".formatted(counts.users(), generated.users()));
            table.add("agent_status last runs | %,d of %,d".formatted(counts.lastRunsAsGenerated(), generated.agents()));
            lost = counts.runs() != generated.runs() || counts.agents() != generated.agents()
                    || counts.auditEntries() != head || counts.users() != generated.users()
                    || counts.lastRunsAsGenerated() != generated.agents();
            if (lost) {
                table.add("LOST EVENTS: the rebuilt read models do not hold what the store does");
            }
        }
        Path report = Path.of("target", "bench", "projection-replay.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
        System.exit(lost ? 1 : 0);
    }

    record Generated(int users, int agents, long runs, Map<String, String> lastRunOfAgent) {
    }

    /**
     * Writes the events of {@code users} users, one agent each, interleaved as their agents would act: each agent
     * is created and started, then mostly runs (succeeded, failed, skipped, now and then a manual request), is
     * sometimes reconfigured, and sometimes stopped and started again. Sequence numbers follow each aggregate.
     */
    private static final class StoreWriter {

        private final Serializer serializer;
        private final int events;
        private final Random random = new Random(42);
        private long written;

        StoreWriter(Serializer serializer, int events) {
            this.serializer = serializer;
            this.events = events;
        }

        Generated writeInto(PostgresTestDatabase database) throws SQLException {
            int users = Math.max(1, Math.min(MAX_USERS, events / 100));
            String[] userIds = new String[users];
            String[] agentIds = new String[users];
            long[] sequences = new long[users];
            boolean[] running = new boolean[users];
            Instant[] clock = new Instant[users];
            Map<String, String> lastRunOfAgent = new HashMap<>();
            long runs = 0;
            int agents = 0;
            try (Connection connection = connectRewritingBatches(database);
                 PreparedStatement insert = connection.prepareStatement("""
                         INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                             time_stamp, payload_type, payload_revision, payload, meta_data)
                         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                connection.setAutoCommit(false);
                for (int user = 0; user < users; user++) {
                    userIds[user] = "user-" + user;
                    agentIds[user] = UUID.randomUUID().toString();
                    clock[user] = EPOCH.plusSeconds(user);
                    append(insert, userIds[user], 0, "User", clock[user], "user-admin", "admin",
                            new UserCreated(userIds[user], "user" + user, Role.USER));
                }
                for (int user = 0; user < users && written < events; user++) {
                    append(insert, agentIds[user], sequences[user]++, "Agent", clock[user], userIds[user],
                            "user" + user, new AgentCreated(agentIds[user], userIds[user], settings(user, 0)));
                    agents++;
                }
                while (written < events) {
                    int user = random.nextInt(agents);
                    String agentId = agentIds[user];
                    clock[user] = clock[user].plusSeconds(3_600);
                    Instant at = clock[user];
                    String actor = userIds[user];
                    String actorName = "user" + user;
                    int dice = random.nextInt(1_000);
                    Object event;
                    String runId = "run-" + agentId + "-" + at.getEpochSecond();
                    if (!running[user]) {
                        event = new AgentStarted(agentId);
                        running[user] = true;
                    } else if (dice < 5) {
                        event = new AgentStopped(agentId, StopReason.USER);
                        running[user] = false;
                    } else if (dice < 25) {
                        event = new AgentReconfigured(agentId, settings(user, dice));
                    } else if (dice < 55 && events - written >= 2) {
                        String manual = "manual-" + UUID.randomUUID();
                        append(insert, agentId, sequences[user]++, "Agent", at, actor, actorName,
                                new AgentRunRequested(agentId, manual));
                        event = new AgentRan(agentId, manual, RunTrigger.MANUAL, null, at, at.plusSeconds(20),
                                "claude-sonnet", 1_200, 300, "Answered the manual request.", null);
                        runId = manual;
                    } else if (dice < 125) {
                        event = new AgentRunSkipped(agentId, runId, RunTrigger.SCHEDULE, at, "the previous run is still going");
                    } else if (dice < 225) {
                        event = new AgentFailed(agentId, runId, RunTrigger.SCHEDULE, at, at, at.plusSeconds(5),
                                "claude-sonnet", "PROVIDER_UNAVAILABLE", "The provider answered 503 three times.",
                                800, 0, null);
                    } else {
                        event = new AgentRan(agentId, runId, RunTrigger.SCHEDULE, at, at, at.plusSeconds(30),
                                "claude-sonnet", 2_400, 650,
                                "Summarised 12 news items about the markets and sent the digest to the channel.",
                                "transcripts/" + agentId + "/" + at.getEpochSecond() + ".json");
                    }
                    if (event instanceof AgentRan || event instanceof AgentFailed || event instanceof AgentRunSkipped) {
                        runs++;
                        lastRunOfAgent.put(agentId, runId);
                    }
                    append(insert, agentId, sequences[user]++, "Agent", at, actor, actorName, event);
                }
                insert.executeBatch();
                connection.commit();
            }
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE domain_event_entry");
            }
            return new Generated(users, agents, runs, lastRunOfAgent);
        }

        private void append(PreparedStatement insert, String aggregateId, long sequence, String aggregateType,
                            Instant at, String actorId, String actorName, Object event) throws SQLException {
            SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
            SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with(MessageMetadata.ACTOR_ID, actorId)
                    .and(MessageMetadata.ACTOR_NAME, actorName)
                    .and("traceId", UUID.randomUUID().toString())
                    .and(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString()), byte[].class);
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregateId);
            insert.setLong(3, sequence);
            insert.setString(4, aggregateType);
            insert.setString(5, at.toString());
            insert.setString(6, payload.getType().getName());
            insert.setString(7, payload.getType().getRevision());
            insert.setBytes(8, payload.getData());
            insert.setBytes(9, metaData.getData());
            insert.addBatch();
            if (++written % INSERT_BATCH == 0) {
                insert.executeBatch();
            }
        }

        private AgentSettings settings(int user, int revision) {
            return new AgentSettings("digest " + user + (revision == 0 ? "" : " v" + revision),
                    "Read the morning news and send me a digest of what matters for my portfolio.",
                    ReasoningTier.STANDARD, null, new Schedule("0 * * * *", "Europe/Berlin"),
                    List.of("web_search", "slack_send_dm"), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 5);
        }
    }

    /** A connection whose batches of inserts pgjdbc sends as multi-row statements. */
    private static Connection connectRewritingBatches(PostgresTestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl() + "?reWriteBatchedInserts=true",
                PostgresTestDatabase.USER, "");
    }

    private static void awaitEverySegmentClaimed(List<EventProcessor> processors) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        for (EventProcessor processor : processors) {
            while (processor instanceof StreamingEventProcessor streaming && streaming.processingStatus().isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(processor.getName() + " claimed no segment within a minute");
                }
                Thread.sleep(20);
            }
        }
    }

    /** Every token of every processor at the store's head; returns the head. */
    private static long moveTokensToTheHead(PostgresTestDatabase database, Serializer tokenSerializer) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            long head;
            try (ResultSet max = statement.executeQuery("SELECT max(global_index) FROM domain_event_entry")) {
                max.next();
                head = max.getLong(1);
            }
            SerializedObject<byte[]> token = tokenSerializer.serialize(GapAwareTrackingToken.newInstance(head, List.of()), byte[].class);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE token_entry SET token = ?, token_type = ?, owner = NULL")) {
                update.setBytes(1, token.getData());
                update.setString(2, token.getType().getName());
                update.executeUpdate();
            }
            return head;
        }
    }

    /** Rows per second of reading every column of every event in global order, as a replay must. */
    private static double scan(PostgresTestDatabase database) throws SQLException {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            long rows = 0;
            long bytes = 0;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                        payload_type, payload_revision, payload, meta_data
                    FROM domain_event_entry ORDER BY global_index""")) {
                select.setFetchSize(10_000);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        result.getLong(1);
                        bytes += result.getString(2).length() + result.getString(3).length();
                        result.getLong(4);
                        result.getString(5);
                        result.getString(6);
                        result.getString(7);
                        result.getString(8);
                        bytes += result.getBytes(9).length + result.getBytes(10).length;
                        rows++;
                    }
                }
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (bytes == 0) {
                throw new IllegalStateException("the scan read nothing");
            }
            return rows / seconds;
        }
    }

    /** What the rebuilt read models hold; lastRunsAsGenerated: agents whose last run is the last one generated. */
    record Counts(long runs, long agents, long auditEntries, long users, long lastRunsAsGenerated) {

        static Counts of(PostgresTestDatabase database, Map<String, String> lastRunOfAgent) throws SQLException {
            try (Connection connection = database.connect()) {
                long lastRunsAsGenerated = 0;
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT agent_id, last_run_id FROM agent_status")) {
                    while (rows.next()) {
                        if (Objects.equals(lastRunOfAgent.get(rows.getString(1)), rows.getString(2))) {
                            lastRunsAsGenerated++;
                        }
                    }
                }
                return new Counts(count(connection, "SELECT count(*) FROM agent_runs"),
                        count(connection, "SELECT count(*) FROM agent_status"),
                        count(connection, "SELECT count(*) FROM audit_log"),
                        count(connection, "SELECT count(*) FROM users"),
                        lastRunsAsGenerated);
            }
        }

        private static long count(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
