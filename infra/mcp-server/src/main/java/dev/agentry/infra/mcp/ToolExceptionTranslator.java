package dev.agentry.infra.mcp;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness.ReadModelLagException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

/**
 * Turns whatever a tool threw into a {@link ToolFailure} whose text is safe to show: known causes
 * are found anywhere in the (Axon- or future-wrapped) cause chain; anything else becomes
 * {@code internal} with a reference id that the log shows next to the stack trace.
 */
final class ToolExceptionTranslator {

    private static final Logger log = LoggerFactory.getLogger(ToolExceptionTranslator.class);

    private ToolExceptionTranslator() {
    }

    static ToolFailure translate(String toolName, Throwable thrown) {
        for (Throwable current : ExceptionUtils.getThrowableList(thrown)) {
            Optional<ToolFailure> known = recognise(current);
            if (known.isPresent()) {
                if (known.get().code() == ToolErrorCode.UNAVAILABLE) {
                    log.warn("Tool {} could not reach a dependency: {}", toolName, current.toString());
                }
                return known.get();
            }
        }
        String reference = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        log.error("Tool {} failed unexpectedly [reference {}]", toolName, reference, thrown);
        return new ToolFailure(ToolErrorCode.INTERNAL, "unexpected error (reference " + reference + ")");
    }

    private static Optional<ToolFailure> recognise(Throwable candidate) {
        if (candidate instanceof ToolFailure failure) {
            return Optional.of(failure);
        }
        if (candidate instanceof CommandRejectedException rejected) {
            String message = rejected.getMessage() == null ? "the request was refused" : rejected.getMessage();
            return Optional.of(new ToolFailure(codeOf(rejected), message));
        }
        if (candidate instanceof AggregateNotFoundException) {
            return Optional.of(ToolFailure.notFound("the requested item does not exist"));
        }
        if (candidate instanceof AggregateStreamCreationException) {
            return Optional.of(ToolFailure.failedPrecondition("the item already exists"));
        }
        if (candidate instanceof ConcurrencyException) {
            return Optional.of(ToolFailure.failedPrecondition(
                    "the item was changed by another request at the same time; read it again and retry"));
        }
        if (candidate instanceof ReadModelLagException) {
            return Optional.of(ToolFailure.unavailable(
                    "the change was stored but the read models are behind; retry the read in a moment"));
        }
        if (candidate instanceof TimeoutException) {
            return Optional.of(ToolFailure.unavailable("the platform did not answer in time; retry later"));
        }
        if (candidate instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return Optional.of(ToolFailure.unavailable("the platform is shutting down; retry later"));
        }
        if (candidate instanceof DataAccessException || candidate instanceof SQLException) {
            return Optional.of(ToolFailure.unavailable("the database is unavailable; retry later"));
        }
        if (candidate instanceof NoHandlerForCommandException || candidate instanceof NoHandlerForQueryException
                || candidate instanceof AxonTransientException) {
            return Optional.of(ToolFailure.unavailable("the platform is not ready; retry later"));
        }
        return Optional.empty();
    }

    private static ToolErrorCode codeOf(CommandRejectedException rejected) {
        if (rejected.code() == null) {
            return ToolErrorCode.FAILED_PRECONDITION;
        }
        return switch (rejected.code()) {
            case INVALID_ARGUMENT -> ToolErrorCode.INVALID_ARGUMENT;
            case NOT_FOUND -> ToolErrorCode.NOT_FOUND;
            case FAILED_PRECONDITION -> ToolErrorCode.FAILED_PRECONDITION;
        };
    }
}
