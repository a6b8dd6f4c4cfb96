package dev.agentry.query.write;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The projections' writes. Inside an event processor's batch they are held until the batch commits and then
 * sent in their order, each run of the same statement as one JDBC batch: the driver sends a batch in one round
 * trip, so a replay no longer waits for the database once per event. Outside a unit of work (a handler called
 * directly) a write is executed at once.
 *
 * <p>Held writes run in the batch's transaction just before it commits, together with the processor's token;
 * if one fails, the transaction rolls back and the processor delivers the whole batch again, which every
 * projection's writes allow (they are guarded against redelivery).
 */
@Component
public class ReadModelWrites {

    private static final String PENDING = ReadModelWrites.class.getName() + ".pending";
    private static final Pattern TABLE_NAMED = Pattern.compile("(?i)\\b(?:INTO|UPDATE|FROM|JOIN)\\s+([a-z_][a-z0-9_.]*)");

    private final JdbcTemplate jdbc;
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();

    ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An instant as the value of a {@code timestamptz} column or parameter, in UTC; null stays null. */
    public static OffsetDateTime utc(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** Starts a write of {@code sql}, whose {@code :name} parameters the returned write's {@code param} sets. */
    public Write sql(String sql) {
        return new Write(statements.computeIfAbsent(sql, Statement::parse));
    }

    /** One statement with its parameters, run by {@link #execute()}. */
    public final class Write {

        private final Statement statement;
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();

        private Write(Statement statement) {
            this.statement = statement;
        }

        public Write param(String name, Object value) {
            parameters.addValue(name, value);
            return this;
        }

        /** Executes the write now, or holds it for the end of the current processor batch. */
        public void execute() {
            Object[] values = NamedParameterUtils.buildValueArray(statement.parsed(), parameters, null);
            if (CurrentUnitOfWork.isStarted()) {
                pendingOf(CurrentUnitOfWork.get().root()).add(new Pending(statement, values));
            } else {
                jdbc.update(statement.positional(), values);
            }
        }
    }

    private List<Pending> pendingOf(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Pending> pending = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> flush(pending));
            return pending;
        });
    }

    /**
     * Writes that name no table in common keep no order between them, so each group of writes that are linked by
     * the tables they name is sent apart from the others, in its own order. Several projections sharing one batch
     * (a rebuild replays them together) then still send each run of one statement as one JDBC batch.
     */
    private void flush(List<Pending> pending) {
        if (pending.stream().anyMatch(write -> write.statement().tables().isEmpty())) {
            flushInOrder(pending);
            pending.clear();
            return;
        }
        Set<Statement> statementsInBatch = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.forEach(write -> statementsInBatch.add(write.statement()));
        Map<String, String> linkedTables = new HashMap<>();
        for (Statement statement : statementsInBatch) {
            String first = statement.tables().get(0);
            for (String table : statement.tables()) {
                linkedTables.put(root(linkedTables, table), root(linkedTables, first));
            }
        }
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        for (Pending write : pending) {
            groups.computeIfAbsent(root(linkedTables, write.statement().tables().get(0)), key -> new ArrayList<>())
                    .add(write);
        }
        groups.values().forEach(this::flushInOrder);
        pending.clear();
    }

    private static String root(Map<String, String> linkedTables, String table) {
        String root = table;
        for (String next = linkedTables.get(root); next != null && !next.equals(root); next = linkedTables.get(root)) {
            root = next;
        }
        return root;
    }

    private void flushInOrder(List<Pending> pending) {
        int start = 0;
        while (start < pending.size()) {
            Statement statement = pending.get(start).statement();
            int end = start + 1;
            while (end < pending.size() && pending.get(end).statement() == statement) {
                end++;
            }
            List<Object[]> rows = new ArrayList<>(end - start);
            for (Pending write : pending.subList(start, end)) {
                rows.add(write.values());
            }
            if (rows.size() == 1) {
                jdbc.update(statement.positional(), rows.get(0));
            } else {
                jdbc.batchUpdate(statement.positional(), rows);
            }
            start = end;
        }
    }

    /** @param tables the tables the statement names; none when they cannot be told, which keeps the whole batch in order */
    private record Statement(ParsedSql parsed, String positional, List<String> tables) {
        static Statement parse(String sql) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
            List<String> tables = new ArrayList<>();
            Matcher named = TABLE_NAMED.matcher(sql);
            while (named.find()) {
                tables.add(named.group(1).toLowerCase(Locale.ROOT));
            }
            return new Statement(parsed, NamedParameterUtils.substituteNamedParameters(parsed, null),
                    List.copyOf(tables));
        }
    }

    private record Pending(Statement statement, Object[] values) {
    }
}
