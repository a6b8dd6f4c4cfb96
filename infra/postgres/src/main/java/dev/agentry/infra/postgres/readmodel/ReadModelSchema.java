package dev.agentry.infra.postgres.readmodel;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Migrates the read-model tables (owned by the query side) with a history table of their own, so
 * that their versions never interleave with the event store's. In an online rebuild's process the same
 * migrations create the shadow tables instead.
 */
@Component
class ReadModelSchema implements InitializingBean {

    static final String LOCATION = "classpath:db/readmodel";
    static final String HISTORY_TABLE = "flyway_readmodel_history";

    private final DataSource dataSource;
    private final ShadowReadModels shadow;

    ReadModelSchema(DataSource dataSource, ShadowReadModels shadow) {
        this.dataSource = dataSource;
        this.shadow = shadow;
    }

    @Override
    public void afterPropertiesSet() {
        if (shadow.active()) {
            // an online rebuild never migrates the live tables: the platform that serves them does
            shadow.prepare();
            return;
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
