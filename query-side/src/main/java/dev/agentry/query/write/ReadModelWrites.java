package dev.agentry.query.write;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    private final JdbcTemplate jdbc;
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();

    ReadModelWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
                pendingOf(CurrentUnitOfWork.get().root()).add(new Pending(statement.positional(), values));
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

    private void flush(List<Pending> pending) {
        int start = 0;
        while (start < pending.size()) {
            String sql = pending.get(start).sql();
            int end = start + 1;
            while (end < pending.size() && pending.get(end).sql().equals(sql)) {
                end++;
            }
            List<Object[]> rows = new ArrayList<>(end - start);
            for (Pending write : pending.subList(start, end)) {
                rows.add(write.values());
            }
            if (rows.size() == 1) {
                jdbc.update(sql, rows.get(0));
            } else {
                jdbc.batchUpdate(sql, rows);
            }
            start = end;
        }
        pending.clear();
    }

    private record Statement(ParsedSql parsed, String positional) {
        static Statement parse(String sql) {
            ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
            return new Statement(parsed, NamedParameterUtils.substituteNamedParameters(parsed, null));
        }
    }

    private record Pending(String sql, Object[] values) {
    }
}
