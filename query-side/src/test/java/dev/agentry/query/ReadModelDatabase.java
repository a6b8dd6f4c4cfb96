package dev.agentry.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.UUID;

/**
 * A fresh PostgreSQL database per test class with the read-model migrations applied, the way
 * the application applies them; dropped after the class.
 */
public final class ReadModelDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final String BASE_URL =
            Objects.requireNonNullElse(System.getenv("AGENTRY_TEST_PG_URL"), "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = "postgres";

    private String name;
    private HikariDataSource dataSource;

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        name = "agentry_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        executeOnServer("CREATE DATABASE " + name);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(BASE_URL + name);
        config.setUsername(USER);
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/readmodel")
                .table("flyway_readmodel_history")
                .load()
                .migrate();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private static void executeOnServer(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(BASE_URL + "postgres", USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
