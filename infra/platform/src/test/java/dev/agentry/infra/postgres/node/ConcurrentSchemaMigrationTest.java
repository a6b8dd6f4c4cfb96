package dev.agentry.infra.postgres.node;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.postgres.readmodel.OnlineRebuildProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nodes that start together on an empty database migrate its schema one at a time: each starts, and every
 * migration is recorded once. Only the schema's beans start (application.yml's Flyway settings, the event
 * store's and the read models' migrations), so that several rounds of simultaneous starts stay quick.
 */
class ConcurrentSchemaMigrationTest {

    private static final int NODES = 3;
    private static final int ROUNDS = 5;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(OnlineRebuildProperties.class)
    @ComponentScan(basePackages = "dev.agentry.infra.postgres", useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
                    pattern = ".*\\.(ClusterLock|EventStoreSchema|ReadModelSchema|ShadowReadModels)"))
    static class SchemaBeans {
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseEachMigrateAndEveryMigrationIsRecordedOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(NODES);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
                    ApplicationContextRunner node = new ApplicationContextRunner()
                            .withInitializer(new ConfigDataApplicationContextInitializer())
                            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                            .withUserConfiguration(SchemaBeans.class)
                            .withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
                                    "spring.datasource.username=" + PostgresTestDatabase.USER);
                    CyclicBarrier together = new CyclicBarrier(NODES);
                    List<Future<Throwable>> starts = new ArrayList<>();
                    for (int i = 0; i < NODES; i++) {
                        starts.add(nodes.submit(() -> {
                            together.await();
                            Throwable[] failure = new Throwable[1];
                            node.run(context -> failure[0] = context.getStartupFailure());
                            return failure[0];
                        }));
                    }
                    for (Future<Throwable> start : starts) {
                        assertThat(start.get(60, TimeUnit.SECONDS)).as("a node's start in round " + round).isNull();
                    }
                    assertThat(appliedMigrations(database, "flyway_eventstore_history"))
                            .as("event store migrations in round " + round).isEqualTo(migrationsIn("db/eventstore"));
                    assertThat(appliedMigrations(database, "flyway_readmodel_history"))
                            .as("read model migrations in round " + round).isEqualTo(migrationsIn("db/readmodel"));
                }
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    /** The migration scripts' names in the order they were applied, the baseline of a non-empty schema aside. */
    private static List<String> appliedMigrations(PostgresTestDatabase database, String historyTable) throws Exception {
        List<String> scripts = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT script FROM " + historyTable
                     + " WHERE success AND type = 'SQL' ORDER BY installed_rank")) {
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
        }
        return scripts;
    }

    private static List<String> migrationsIn(String location) throws Exception {
        List<String> scripts = new ArrayList<>();
        for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath*:" + location + "/V*.sql")) {
            scripts.add(script.getFilename());
        }
        scripts.sort(Comparator.comparingInt(script -> Integer.parseInt(script.substring(1, script.indexOf("__")))));
        return scripts;
    }
}
