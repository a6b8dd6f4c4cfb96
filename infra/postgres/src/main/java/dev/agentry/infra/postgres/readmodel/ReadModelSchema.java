package dev.agentry.infra.postgres.readmodel;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * Migrates the read-model tables (owned by the query side) with a history table of their own, so
 * that their versions never interleave with the event store's.
 */
@Component
class ReadModelSchema implements InitializingBean {

    private final DataSource dataSource;

    ReadModelSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/readmodel")
                .table("flyway_readmodel_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
