package dev.agentry.infra.postgres.readmodel;

import dev.agentry.query.api.ReadModel;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * The shadow of an online rebuild. This process's connections look up tables in the shadow schema first and
 * the live schema second (the command line sets the search path), so the chosen read models' projections and
 * their tokens live in the shadow while the events, and every table of the read models left alone, are the
 * live ones. The processors of those other read models find their segments held by a claim that never
 * expires, so they replay nothing.
 *
 * <p>The switch is one transaction: it locks the live tables (queries wait for it, briefly), freezes the live
 * processors' tokens, waits until the shadow has replayed at least as far, swaps the tables and gives the live
 * processors the shadow's tokens without an owner. A live processor then finds its claim gone, drops what it
 * was writing, claims its segments again and continues from where the shadow stopped, so no event is lost or
 * applied twice.
 */
@Component
class ShadowReadModels {

    private static final Logger log = LoggerFactory.getLogger(ShadowReadModels.class);
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,40}");
    private static final String TOKEN_TABLE = "token_entry";
    /** Holds the segments of the read models that this rebuild leaves alone, so that no shadow processor claims them. */
    static final String NOT_REBUILT_OWNER = "online rebuild: not rebuilt here";
    private static final String NEVER = "9999-12-31T23:59:59.999Z";
    private static final String DEADLOCK = "40P01";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final int SWITCH_ATTEMPTS = 3;
    private static final Duration POLL = Duration.ofMillis(5);

    private final DataSource dataSource;
    private final OnlineRebuildProperties properties;
    private final ObjectProvider<Serializer> tokenSerializer;

    /** The serializer is looked up only for a switch, so that migrating the schema does not wait for Axon's beans. */
    ShadowReadModels(DataSource dataSource, OnlineRebuildProperties properties,
                     @Qualifier("serializer") ObjectProvider<Serializer> tokenSerializer) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.tokenSerializer = tokenSerializer;
    }

    boolean active() {
        return properties.active();
    }

    Set<String> readModels() {
        return Set.copyOf(properties.readModels());
    }

    /** Creates the shadow anew: the chosen read models' tables, empty, and a token store of its own. */
    void prepare() {
        String shadow = schemaName(properties.schema());
        String live = schemaName(properties.liveSchema());
        String replaced = replacedSchema();
        List<String> chosen = properties.readModels();
        if (chosen.isEmpty() || !ReadModel.TABLES.keySet().containsAll(chosen)) {
            throw new IllegalStateException("an online rebuild needs read models out of " + ReadModel.TABLES.keySet()
                    + ", not " + chosen);
        }
        Set<String> tables = tablesOf(chosen);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS " + replaced + " CASCADE");
            Flyway.configure().dataSource(dataSource).schemas(shadow).defaultSchema(shadow).createSchemas(true)
                    .locations(ReadModelSchema.LOCATION).table(ReadModelSchema.HISTORY_TABLE).load().migrate();
            // the tables of the other read models (and those no projection writes) resolve to the live ones
            for (String table : tablesIn(connection, shadow)) {
                if (!tables.contains(table) && !table.equals(ReadModelSchema.HISTORY_TABLE)) {
                    statement.execute("DROP TABLE " + shadow + "." + table);
                }
            }
            statement.execute("CREATE TABLE " + shadow + "." + TOKEN_TABLE + " (LIKE " + live + "." + TOKEN_TABLE
                    + " INCLUDING ALL)");
            Set<String> liveProcessors = new HashSet<>();
            try (PreparedStatement copy = connection.prepareStatement("INSERT INTO " + shadow + "." + TOKEN_TABLE
                    + " (processor_name, segment, token, token_type, timestamp, owner)"
                    + " SELECT processor_name, segment, NULL, NULL, CASE WHEN processor_name = ANY (?) THEN ? ELSE ? END,"
                    + " CASE WHEN processor_name = ANY (?) THEN NULL ELSE ? END FROM " + live + "." + TOKEN_TABLE
                    + " RETURNING processor_name")) {
                // the chosen read models keep the live segments, so that their tokens can be handed over one by one
                copy.setArray(1, connection.createArrayOf("text", chosen.toArray()));
                copy.setString(2, DateTimeUtils.formatInstant(Instant.now()));
                copy.setString(3, NEVER);
                copy.setArray(4, connection.createArrayOf("text", chosen.toArray()));
                copy.setString(5, NOT_REBUILT_OWNER);
                try (ResultSet copied = copy.executeQuery()) {
                    while (copied.next()) {
                        liveProcessors.add(copied.getString(1));
                    }
                }
            }
            for (String name : ReadModel.TABLES.keySet()) {
                if (liveProcessors.contains(name)) {
                    continue;
                }
                if (chosen.contains(name)) {
                    throw new IllegalStateException("read model '" + name + "' has never been projected in this store:"
                            + " there is nothing live to rebuild online; start the platform first");
                }
                try (PreparedStatement hold = connection.prepareStatement("INSERT INTO " + shadow + "." + TOKEN_TABLE
                        + " (processor_name, segment, timestamp, owner) VALUES (?, 0, ?, ?)")) {
                    hold.setString(1, name);
                    hold.setString(2, NEVER);
                    hold.setString(3, NOT_REBUILT_OWNER);
                    hold.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the shadow schema " + shadow + ": " + e.getMessage(), e);
        }
        log.info("Online rebuild of {} into schema {}", chosen, shadow);
    }

    /**
     * Swaps the live tables of the processors' read models for the shadow's, once the shadow has replayed at
     * least as far as the live processors, and stops the processors of this process.
     */
    void switchOver(List<StreamingEventProcessor> processors, Duration timeout) {
        for (int attempt = 1; ; attempt++) {
            try {
                switchOnce(processors, timeout);
                break;
            } catch (SQLException e) {
                boolean contended = DEADLOCK.equals(e.getSQLState()) || LOCK_NOT_AVAILABLE.equals(e.getSQLState());
                if (!contended || attempt == SWITCH_ATTEMPTS) {
                    throw new IllegalStateException("could not switch to the rebuilt read models: " + e.getMessage(), e);
                }
                log.info("Switch to the rebuilt read models met a lock ({}), trying again", e.getMessage());
                processors.forEach(StreamingEventProcessor::start);
            }
        }
        String shadow = schemaName(properties.schema());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS " + replacedSchema() + " CASCADE");
        } catch (SQLException e) {
            log.warn("The rebuilt read models are live, but the schemas left over could not be dropped: {}", e.getMessage());
        }
    }

    private void switchOnce(List<StreamingEventProcessor> processors, Duration timeout) throws SQLException {
        String shadow = schemaName(properties.schema());
        String live = schemaName(properties.liveSchema());
        String replaced = replacedSchema();
        List<String> names = processors.stream().map(StreamingEventProcessor::getName).toList();
        List<String> tables = List.copyOf(tablesOf(names));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL lock_timeout = '" + Math.max(1, timeout.toSeconds()) + "s'");
                statement.execute("LOCK TABLE " + String.join(", ", tables.stream().map(table -> live + "." + table).toList())
                        + " IN ACCESS EXCLUSIVE MODE");
                long locked = System.nanoTime();
                Map<String, StoredToken> liveTokens = tokens(connection, live, names, true);
                long livePosition = liveTokens.values().stream().mapToLong(StoredToken::position).max().orElse(0);
                // the shadow's processors keep running (they touch none of the locked tables) until they are at
                // least as far as the live ones, and stop within their short event-availability timeout
                if (!LocalProcessorPositions.awaitAllReached(processors, livePosition, timeout, POLL)) {
                    throw new IllegalStateException("the rebuilt read models did not reach the live ones' position "
                            + livePosition + " within " + timeout + "; nothing was switched");
                }
                long reached = System.nanoTime();
                stopAll(processors);
                long stopped = System.nanoTime();
                Map<String, StoredToken> shadowTokens = tokens(connection, shadow, names, false);
                if (!shadowTokens.keySet().equals(liveTokens.keySet())) {
                    throw new IllegalStateException("the live processors' segments changed during the rebuild ("
                            + liveTokens.keySet() + " now, " + shadowTokens.keySet() + " when it began); nothing was switched");
                }
                statement.execute("CREATE SCHEMA " + replaced);
                for (String table : tables) {
                    statement.execute("ALTER TABLE " + live + "." + table + " SET SCHEMA " + replaced);
                    statement.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA " + live);
                }
                try (PreparedStatement handOver = connection.prepareStatement("UPDATE " + live + "." + TOKEN_TABLE
                        + " SET token = ?, token_type = ?, owner = NULL, timestamp = ? WHERE processor_name = ? AND segment = ?")) {
                    for (StoredToken token : shadowTokens.values()) {
                        handOver.setBytes(1, token.serialized());
                        handOver.setString(2, token.type());
                        handOver.setString(3, DateTimeUtils.formatInstant(Instant.now()));
                        handOver.setString(4, token.processor());
                        handOver.setInt(5, token.segment());
                        handOver.addBatch();
                    }
                    handOver.executeBatch();
                }
                connection.commit();
                long committed = System.nanoTime();
                log.info("Switched {} to the rebuilt tables {}; the live processors continue from the rebuild's tokens."
                                + " The live tables were locked for {} ms ({} ms catching up with event {}, {} ms stopping)",
                        names, tables, (committed - locked) / 1_000_000, (reached - locked) / 1_000_000, livePosition,
                        (stopped - reached) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private record StoredToken(String processor, int segment, byte[] serialized, String type, long position) {
    }

    private Map<String, StoredToken> tokens(Connection connection, String schema, List<String> processors,
                                            boolean forUpdate) throws SQLException {
        Map<String, StoredToken> tokens = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT processor_name, segment, token, token_type FROM "
                + schema + "." + TOKEN_TABLE + " WHERE processor_name = ANY (?)" + (forUpdate ? " FOR UPDATE" : ""))) {
            select.setArray(1, connection.createArrayOf("text", processors.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] serialized = rows.getBytes("token");
                    String type = rows.getString("token_type");
                    TrackingToken token = serialized == null || type == null ? null
                            : tokenSerializer.getObject().deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
                    long position = token == null ? 0 : token.position().orElse(0);
                    String processor = rows.getString("processor_name");
                    int segment = rows.getInt("segment");
                    tokens.put(processor + "#" + segment, new StoredToken(processor, segment, serialized, type, position));
                }
            }
        }
        return tokens;
    }

    /** Stops the processors together: each takes up to its event-availability timeout to notice. */
    private static void stopAll(List<StreamingEventProcessor> processors) {
        try {
            CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the rebuilt read models' processors", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not stop the rebuilt read models' processors", e.getCause());
        }
    }

    private static List<String> tablesIn(Connection connection, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
            select.setString(1, schema);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static Set<String> tablesOf(List<String> readModels) {
        Set<String> tables = new HashSet<>();
        readModels.forEach(name -> tables.addAll(ReadModel.TABLES.getOrDefault(name, List.of())));
        return tables;
    }

    private String replacedSchema() {
        return schemaName(properties.schema()) + "_replaced";
    }

    private static String schemaName(String name) {
        if (name == null || !SCHEMA_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain schema name: " + name);
        }
        return name;
    }
}
