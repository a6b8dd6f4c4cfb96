package dev.agentry.infra.postgres.node;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * A lock all nodes on one database share (a PostgreSQL advisory lock), for work that must run on one node
 * at a time, such as reconciliation: each difference is then repaired once.
 */
@Component
public class ClusterLock {

    /** Held while a node migrates the event store's or the read models' schema: both share one schema. */
    public static final String SCHEMA_MIGRATIONS = "schema migrations";

    private final DataSource dataSource;

    public ClusterLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the work while holding the lock of the name, waiting while another node holds it. */
    public <T> T whileHolding(String name, Supplier<T> work) {
        long key = name.hashCode();
        try (Connection connection = dataSource.getConnection()) {
            call(connection, "SELECT pg_advisory_lock(?)", key);
            try {
                return work.get();
            } finally {
                call(connection, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the cluster lock '" + name + "' is not available: " + e.getMessage(), e);
        }
    }

    private static void call(Connection connection, String sql, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, key);
            statement.execute();
        }
    }
}
