package dev.agentry.infra.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A database of its own for one test class on the PostgreSQL server the tests use
 * ({@code AGENTRY_TEST_PG_URL}, default {@code jdbc:postgresql://127.0.0.1:5432/}), dropped on close.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final String serverUrl;
    private final String name;

    private PostgresTestDatabase(String serverUrl, String name) {
        this.serverUrl = serverUrl;
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        String serverUrl = System.getenv().getOrDefault("AGENTRY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
        String name = "agentry_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl, "CREATE DATABASE " + name);
        return new PostgresTestDatabase(serverUrl, name);
    }

    public String jdbcUrl() {
        return serverUrl + name;
    }

    public String name() {
        return name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        execute(serverUrl, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String serverUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL for tests is not reachable at " + serverUrl
                    + " (set AGENTRY_TEST_PG_URL): " + e.getMessage(), e);
        }
    }
}
