package dev.agentry.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class QuerySideWiringTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    @Test
    void componentScanFindsOneProjectionPerProcessingGroup() {
        try (QuerySide querySide = new QuerySide(database.dataSource())) {
            assertThat(querySide.processingGroups())
                    .containsExactly("agent-status", "audit-trail", "identity", "model-catalogue", "run-history");
        }
    }

    @Test
    void migrationsAreRecordedInTheirOwnHistoryTable() {
        assertThat(database.jdbc().sql("SELECT version FROM flyway_readmodel_history WHERE success ORDER BY installed_rank")
                .query(String.class).list()).startsWith("1", "2");
    }
}
