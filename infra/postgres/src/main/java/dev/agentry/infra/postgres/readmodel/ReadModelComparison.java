package dev.agentry.infra.postgres.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What read-model tables held before a rebuild, kept in a scratch schema, to list afterwards every row the
 * rebuild changed: a row only before is one the events do not give (corrupted, or written outside the
 * projections); a row only after is what the events give instead. Generated columns (identities, serials) are
 * left out: a rebuild renumbers them.
 */
public final class ReadModelComparison implements AutoCloseable {

    /** Rows that differ in one table; each list holds at most the asked number of rows, as JSON. */
    public record Difference(String table, long onlyBeforeCount, List<String> onlyBefore, long onlyAfterCount,
                             List<String> onlyAfter) {
    }

    private final JdbcClient jdbc;
    private final String scratchSchema;
    private final List<String> tables;

    private ReadModelComparison(JdbcClient jdbc, String scratchSchema, List<String> tables) {
        this.jdbc = jdbc;
        this.scratchSchema = scratchSchema;
        this.tables = tables;
    }

    /** Copies the tables as they are now. */
    public static ReadModelComparison before(JdbcClient jdbc, List<String> tables) {
        String schema = "agentry_verify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("CREATE SCHEMA " + schema).update();
        for (String table : tables) {
            jdbc.sql("CREATE TABLE %s.%s AS SELECT * FROM %s".formatted(schema, identifier(table), identifier(table)))
                    .update();
        }
        return new ReadModelComparison(jdbc, schema, List.copyOf(tables));
    }

    /** The tables whose rows changed, with up to {@code shownPerTable} rows of each side. */
    public List<Difference> differences(int shownPerTable) {
        List<Difference> differences = new ArrayList<>();
        for (String table : tables) {
            String before = scratchSchema + "." + identifier(table);
            String after = identifier(table);
            String generated = generatedColumns(table);
            String onlyBefore = rowsOf(before, "b", generated) + " EXCEPT ALL " + rowsOf(after, "a", generated);
            String onlyAfter = rowsOf(after, "a", generated) + " EXCEPT ALL " + rowsOf(before, "b", generated);
            long onlyBeforeCount = count(onlyBefore);
            long onlyAfterCount = count(onlyAfter);
            if (onlyBeforeCount + onlyAfterCount > 0) {
                differences.add(new Difference(table, onlyBeforeCount, sample(onlyBefore, shownPerTable),
                        onlyAfterCount, sample(onlyAfter, shownPerTable)));
            }
        }
        return differences;
    }

    @Override
    public void close() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + scratchSchema + " CASCADE").update();
    }

    private static String rowsOf(String table, String alias, String generatedColumns) {
        return "SELECT to_jsonb(%s) - %s AS row FROM %s %s".formatted(alias, generatedColumns, table, alias);
    }

    /** The table's generated columns as a SQL text array, e.g. {@code ARRAY['position']::text[]}. */
    private String generatedColumns(String table) {
        List<String> columns = jdbc.sql("SELECT column_name FROM information_schema.columns"
                        + " WHERE table_schema = current_schema() AND table_name = :table"
                        + " AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')")
                .param("table", table).query(String.class).list();
        return "ARRAY[" + String.join(", ", columns.stream().map(column -> "'" + identifier(column) + "'").toList())
                + "]::text[]";
    }

    private long count(String rows) {
        return jdbc.sql("SELECT count(*) FROM (" + rows + ") difference").query(Long.class).single();
    }

    private List<String> sample(String rows, int limit) {
        return jdbc.sql("SELECT row::text FROM (" + rows + ") difference ORDER BY row::text LIMIT :limit")
                .param("limit", limit).query(String.class).list();
    }

    /** Table names come from the read models' own list; anything else is refused rather than quoted. */
    private static String identifier(String table) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }
}
