package dev.agentry.ops.bench;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The baseline of the write benchmarks: plain single-row inserts, each its own transaction, from several JDBC clients. */
final class SingleRowInserts {

    private SingleRowInserts() {
    }

    /** Inserts {@code rows} rows from {@code clients} connections into a fresh table: what the database allows. */
    static double perSecond(PostgresTestDatabase database, int clients, int rows) throws Exception {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE bench_insert (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)");
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_insert VALUES (?, ?)")) {
                    for (int row = next.getAndIncrement(); row < rows; row = next.getAndIncrement()) {
                        insert.setLong(1, row);
                        insert.setString(2, "agent " + row);
                        insert.executeUpdate();
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        pool.shutdown();
        return rows / ((System.nanoTime() - started) / 1e9);
    }
}
