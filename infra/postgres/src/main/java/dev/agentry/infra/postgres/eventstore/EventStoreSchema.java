package dev.agentry.infra.postgres.eventstore;

import dev.agentry.infra.postgres.node.ClusterLock;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the event store's schema (Spring Boot's Flyway, configured in application.yml) while no other node
 * migrates: two nodes starting together on an empty database would otherwise both find no history table and
 * the second one's baseline would fail on the table the first one had just created.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreSchema {

    @Bean
    FlywayMigrationStrategy migrateWhileNoOtherNodeMigrates(ClusterLock lock) {
        return flyway -> lock.whileHolding(ClusterLock.SCHEMA_MIGRATIONS, flyway::migrate);
    }
}
