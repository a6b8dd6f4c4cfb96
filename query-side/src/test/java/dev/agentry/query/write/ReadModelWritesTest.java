package dev.agentry.query.write;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.ReadModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The projections' writes within a processor batch: sent when the batch commits, each run of one statement in
 * one round trip, in the events' order, all or nothing, and a redelivered batch changes nothing.
 */
class ReadModelWritesTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final int RUNS = 50;

    private final RoundTrips roundTrips = new RoundTrips();
    private QuerySide querySide;
    private JdbcClient jdbc;
    private Actor alice;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(roundTrips.counting(database.dataSource()));
        jdbc = database.jdbc();
        alice = new Actor(newId(), "alice-" + newId().substring(0, 8));
        querySide.userEvent(alice.id(), new UserCreated(alice.id(), alice.name(), Role.USER), Actor.NOBODY);
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void aBatchWritesEachRunOfOneStatementInOneRoundTripAndInTheEventsOrder() {
        String agentId = newId();
        roundTrips.reset();

        querySide.inOneBatch(createdStartedAndRuns(agentId));

        // created, started, the runs' last-run updates: in order, so the runs find the row the creation inserted
        assertRoundTrips(3, 1, 1, 1);
        assertThat(roundTrips.batchedRows()).isEqualTo(RUNS + RUNS + (2 + RUNS));

        assertThat(jdbc.sql("SELECT count(*) FROM agent_runs WHERE agent_id = ?").param(agentId).query(Long.class).single())
                .isEqualTo(RUNS);
        assertThat(jdbc.sql("SELECT status || ' ' || last_run_id FROM agent_status WHERE agent_id = ?").param(agentId)
                .query(String.class).single()).isEqualTo("RUNNING " + runId(agentId, RUNS - 1));
        assertThat(jdbc.sql("SELECT type FROM audit_log WHERE agent_id = ? ORDER BY at, sequence_number").param(agentId)
                .query(String.class).list())
                .hasSize(2 + RUNS)
                .startsWith("AgentCreated", "AgentStarted", "AgentRan");
    }

    @Test
    void projectionsSharingOneBatchStillSendEachRunOfOneStatementInOneRoundTrip() {
        String agentId = newId();
        List<DomainEventMessage<?>> published = querySide.undelivered(createdStartedAndRuns(agentId));
        roundTrips.reset();

        querySide.deliverToEveryGroupInOneBatch(published);

        // each projection's statements interleave with the others' event by event, yet go out as in their own batch
        assertRoundTrips(3, 1, 1, 1);
        assertThat(jdbc.sql("SELECT status || ' ' || last_run_id FROM agent_status WHERE agent_id = ?").param(agentId)
                .query(String.class).single()).isEqualTo("RUNNING " + runId(agentId, RUNS - 1));
        // the runs name the owners' table, so they come after the owner the creation recorded
        assertThat(jdbc.sql("SELECT count(*) FROM agent_runs WHERE agent_id = ? AND owner_id = ?")
                .params(agentId, alice.id()).query(Long.class).single()).isEqualTo(RUNS);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE agent_id = ?").param(agentId).query(Long.class).single())
                .isEqualTo(2 + RUNS);
    }

    @Test
    void nothingOfABatchIsWrittenBeforeItCommitsAndNothingAtAllIfItRollsBack() {
        String agentId = newId();
        String unknownAgent = newId();
        List<DomainEventMessage<?>> batch = new ArrayList<>();

        // a run of an agent the run history does not know fails its batch when the batch is written
        assertThatThrownBy(() -> querySide.inOneBatch(() -> {
            batch.add(querySide.agentEvent(agentId,
                    new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice));
            batch.add(querySide.agentEvent(agentId, ran(agentId, 0), Actor.SCHEDULER));
            querySide.agentEvent(unknownAgent, ran(unknownAgent, 0), Actor.SCHEDULER);
        })).hasMessageContaining(ReadModel.RUN_HISTORY);

        assertThat(jdbc.sql("SELECT count(*) FROM agent_runs WHERE agent_id IN (?, ?)").params(agentId, unknownAgent)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM agent_status WHERE agent_id = ?").param(agentId)
                .query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM agent_run_owners WHERE agent_id = ?").param(agentId)
                .query(Long.class).single()).isZero();

        // the processor delivers the batch again; here without the event that cannot be recorded
        querySide.deliverInOneBatch(batch);
        assertThat(jdbc.sql("SELECT run_id FROM agent_runs WHERE agent_id IN (?, ?)").params(agentId, unknownAgent)
                .query(String.class).list())
                .containsExactly(runId(agentId, 0));
    }

    @Test
    void aRedeliveredBatchChangesNoRow() {
        String agentId = newId();
        List<DomainEventMessage<?>> batch = querySide.inOneBatch(() -> {
            querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
            querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
            for (int run = 0; run < 5; run++) {
                querySide.agentEvent(agentId, run == 3 ? failed(agentId, run) : ran(agentId, run), Actor.SCHEDULER);
            }
        });
        List<Map<String, Object>> before = readModelsOf(agentId);

        querySide.deliverInOneBatch(batch);

        assertThat(readModelsOf(agentId)).isEqualTo(before);
        assertThat(before).hasSize(1 + 5 + 7);
    }

    private List<Map<String, Object>> readModelsOf(String agentId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT * FROM agent_status WHERE agent_id = ?").param(agentId).query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM agent_runs WHERE agent_id = ? ORDER BY run_id").param(agentId)
                .query().listOfRows());
        rows.addAll(jdbc.sql("SELECT * FROM audit_log WHERE agent_id = ? ORDER BY event_id").param(agentId)
                .query().listOfRows());
        return rows;
    }

    private static AgentRan ran(String agentId, int run) {
        Instant fire = FIRE.plusSeconds(60L * run);
        return new AgentRan(agentId, runId(agentId, run), RunTrigger.SCHEDULE, fire, fire, fire.plusSeconds(5),
                "claude-sonnet", 100, 20, "run " + run, null);
    }

    private static AgentFailed failed(String agentId, int run) {
        Instant fire = FIRE.plusSeconds(60L * run);
        return new AgentFailed(agentId, runId(agentId, run), RunTrigger.SCHEDULE, fire, fire, fire.plusSeconds(5),
                "claude-sonnet", "TIMEOUT", "the model did not answer", 100, 0, null);
    }

    private static String runId(String agentId, int run) {
        return agentId + "/" + run;
    }

    /** An agent created and started, then {@link #RUNS} scheduled runs of it. */
    private Runnable createdStartedAndRuns(String agentId) {
        return () -> {
            querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
            querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
            for (int run = 0; run < RUNS; run++) {
                querySide.agentEvent(agentId, ran(agentId, run), Actor.SCHEDULER);
            }
        };
    }

    private void assertRoundTrips(int agentStatus, int agentRunOwners, int agentRuns, int auditLog) {
        assertThat(roundTrips.of("agent_status")).as("agent_status").isEqualTo(agentStatus);
        assertThat(roundTrips.of("agent_run_owners")).as("agent_run_owners").isEqualTo(agentRunOwners);
        assertThat(roundTrips.of("agent_runs")).as("agent_runs").isEqualTo(agentRuns);
        assertThat(roundTrips.of("audit_log")).as("audit_log").isEqualTo(auditLog);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Counts the statements sent to the database, by the read-model table they write. */
    private static final class RoundTrips {

        private static final List<String> TABLES = List.of("agent_run_owners", "agent_runs", "agent_status", "audit_log");
        private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeLargeUpdate",
                "executeBatch", "executeLargeBatch", "executeQuery");

        private final Map<String, AtomicInteger> byTable = new ConcurrentHashMap<>();
        private final AtomicInteger batchedRows = new AtomicInteger();

        void reset() {
            byTable.clear();
            batchedRows.set(0);
        }

        int of(String table) {
            AtomicInteger count = byTable.get(table);
            return count == null ? 0 : count.get();
        }

        /** Rows sent as part of a JDBC batch of more than one. */
        int batchedRows() {
            return batchedRows.get();
        }

        DataSource counting(DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection connection
                        ? proxy(Connection.class, connection, this::countingStatements) : result;
            });
        }

        private Object countingStatements(Object connection, java.lang.reflect.Method method, Object[] args)
                throws Throwable {
            Object result = method.invoke(connection, args);
            if (result instanceof PreparedStatement statement && args != null && args[0] instanceof String sql) {
                String table = tableWritten(sql);
                AtomicInteger rowsInBatch = new AtomicInteger();
                return proxy(PreparedStatement.class, statement, (target, call, callArgs) -> {
                    if (call.getName().equals("addBatch")) {
                        rowsInBatch.incrementAndGet();
                    }
                    if (EXECUTIONS.contains(call.getName()) && table != null) {
                        byTable.computeIfAbsent(table, key -> new AtomicInteger()).incrementAndGet();
                        if (rowsInBatch.get() > 1) {
                            batchedRows.addAndGet(rowsInBatch.getAndSet(0));
                        }
                    }
                    return call.invoke(target, callArgs);
                });
            }
            return result;
        }

        private static String tableWritten(String sql) {
            String statement = sql.strip().replaceAll("\\s+", " ");
            for (String table : TABLES) {
                if (statement.startsWith("INSERT INTO " + table + " ") || statement.startsWith("UPDATE " + table + " ")) {
                    return table;
                }
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, Invocation invocation) {
            InvocationHandler handler = (proxy, method, args) -> {
                try {
                    return invocation.invoke(target, method, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
        }

        @FunctionalInterface
        private interface Invocation {
            Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable;
        }
    }
}
