package dev.agentry.infra.postgres.pool;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The PostgreSQL connection pool under OpenTelemetry's database client conventions:
 * {@code db.client.connection.count} (by state, {@code idle} or {@code used}), {@code db.client.connection.max},
 * {@code db.client.connection.idle.min} and {@code db.client.connection.pending_requests}, each with the pool's
 * name. Read from the pool when the metrics are collected, so it costs nothing while telemetry is off.
 */
@Component
class ConnectionPoolMetrics implements DisposableBean {

    static final AttributeKey<String> POOL = AttributeKey.stringKey("db.client.connection.pool.name");
    static final AttributeKey<String> STATE = AttributeKey.stringKey("db.client.connection.state");

    private final ObjectProvider<DataSource> dataSource;
    private final List<AutoCloseable> instruments;

    ConnectionPoolMetrics(ObjectProvider<OpenTelemetry> openTelemetry, ObjectProvider<DataSource> dataSource) {
        this.dataSource = dataSource;
        Meter meter = openTelemetry.getIfAvailable(OpenTelemetry::noop).getMeter("dev.agentry.postgres.pool");
        this.instruments = List.of(
                meter.upDownCounterBuilder("db.client.connection.count").setUnit("{connection}")
                        .setDescription("Connections of the pool, by state")
                        .buildWithCallback(measurement -> observe((pool, stats) -> {
                            measurement.record(stats.getIdleConnections(), Attributes.of(POOL, pool.getPoolName(), STATE, "idle"));
                            measurement.record(stats.getActiveConnections(), Attributes.of(POOL, pool.getPoolName(), STATE, "used"));
                        })),
                meter.upDownCounterBuilder("db.client.connection.max").setUnit("{connection}")
                        .setDescription("The most connections the pool opens")
                        .buildWithCallback(measurement -> observe((pool, stats) -> record(measurement, pool, pool.getMaximumPoolSize()))),
                meter.upDownCounterBuilder("db.client.connection.idle.min").setUnit("{connection}")
                        .setDescription("The fewest idle connections the pool keeps")
                        .buildWithCallback(measurement -> observe((pool, stats) -> record(measurement, pool, pool.getMinimumIdle()))),
                meter.upDownCounterBuilder("db.client.connection.pending_requests").setUnit("{request}")
                        .setDescription("Requests waiting for a connection of the pool")
                        .buildWithCallback(measurement -> observe((pool, stats) ->
                                record(measurement, pool, stats.getThreadsAwaitingConnection()))));
    }

    /** Only a pool that has started: before its first connection Hikari has no statistics to give. */
    private void observe(BiConsumer<HikariDataSource, HikariPoolMXBean> reading) {
        if (dataSource.getIfAvailable() instanceof HikariDataSource pool && pool.getHikariPoolMXBean() != null) {
            reading.accept(pool, pool.getHikariPoolMXBean());
        }
    }

    private static void record(ObservableLongMeasurement measurement, HikariDataSource pool, long value) {
        measurement.record(value, Attributes.of(POOL, pool.getPoolName()));
    }

    @Override
    public void destroy() throws Exception {
        for (AutoCloseable instrument : instruments) {
            instrument.close();
        }
    }
}
