package dev.agentry.infra.postgres.eventstore;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Tells Axon which storage failures are duplicate keys: PostgreSQL reports them with SQL state
 * 23505 (unique violation), which Axon's JDBC default does not recognise. With it, creating an
 * aggregate whose id is taken fails as {@code AggregateStreamCreationException} and losing a race
 * to append as {@code ConcurrencyException}.
 */
class UniqueViolationResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return ExceptionUtils.getThrowableList(exception).stream()
                .anyMatch(cause -> cause instanceof SQLException sql && isUniqueViolation(sql));
    }

    private static boolean isUniqueViolation(SQLException sql) {
        // a batch insert carries the server's error as its next exception
        return UNIQUE_VIOLATION.equals(sql.getSQLState())
                || sql.getNextException() != null && UNIQUE_VIOLATION.equals(sql.getNextException().getSQLState());
    }
}
