package dev.agentry.infra.postgres.readmodel;

import dev.agentry.infra.postgres.node.ClusterLock;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Migrates the read-model tables (owned by the query side) with a history table of their own, so
 * that their versions never interleave with the event store's. In an online rebuild's process the same
 * migrations create the shadow tables instead. Nodes migrate one at a time (see EventStoreSchema).
 */
@Component
class ReadModelSchema implements InitializingBean {

    static final String LOCATION = "classpath:db/readmodel";
    static final String HISTORY_TABLE = "flyway_readmodel_history";

    private final DataSource dataSource;
    private final ShadowReadModels shadow;
    private final ClusterLock lock;

    ReadModelSchema(DataSource dataSource, ShadowReadModels shadow, ClusterLock lock) {
        this.dataSource = dataSource;
        this.shadow = shadow;
        this.lock = lock;
    }

    @Override
    public void afterPropertiesSet() {
        if (shadow.active()) {
            // an online rebuild never migrates the live tables: the platform that serves them does
            shadow.prepare();
            return;
        }
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        lock.whileHolding(ClusterLock.SCHEMA_MIGRATIONS, flyway::migrate);
    }
}
