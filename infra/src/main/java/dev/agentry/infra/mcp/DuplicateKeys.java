package dev.agentry.infra.mcp;

import java.sql.SQLException;

/**
 * Recognises the event store refusing an event whose aggregate id and sequence number are taken.
 * Axon reports that as {@code AggregateStreamCreationException} or {@code ConcurrencyException} only
 * when its exception resolver knows the database's code; on PostgreSQL it may arrive as a plain
 * store failure whose cause carries SQL state 23505 (unique violation).
 */
public final class DuplicateKeys {

    private static final String UNIQUE_VIOLATION = "23505";

    private DuplicateKeys() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && (UNIQUE_VIOLATION.equals(sql.getSQLState())
                    || sql.getNextException() != null && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
