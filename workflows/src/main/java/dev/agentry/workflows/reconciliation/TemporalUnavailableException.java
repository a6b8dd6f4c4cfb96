package dev.agentry.workflows.reconciliation;

import org.apache.commons.lang3.exception.ExceptionUtils;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Temporal did not answer (unreachable or too slow), so nothing can be concluded about its workflows. */
final class TemporalUnavailableException extends RuntimeException {

    TemporalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure as unavailability when it is one, else null. */
    static TemporalUnavailableException from(Throwable failure) {
        return ExceptionUtils.getThrowableList(failure).stream()
                .filter(StatusRuntimeException.class::isInstance).map(StatusRuntimeException.class::cast)
                .filter(status -> isUnavailability(status.getStatus().getCode()))
                .findFirst()
                .map(status -> new TemporalUnavailableException("Temporal is unavailable ("
                        + status.getStatus().getCode() + "): " + status.getStatus().getDescription(), failure))
                .orElse(null);
    }

    private static boolean isUnavailability(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }
}
