package dev.agentry.infra.postgres.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void aUniqueViolationAnywhereInTheCausesIsADuplicateKey() {
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isTrue();
    }

    @Test
    void aBatchInsertCarriesTheServersErrorAsItsNextException() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO domain_event_entry", "0", new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void otherDatabaseFailuresAreNotDuplicates() {
        assertThat(resolver.isDuplicateKeyViolation(new EventStoreException("append failed",
                new SQLException("connection reset", "08006")))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
