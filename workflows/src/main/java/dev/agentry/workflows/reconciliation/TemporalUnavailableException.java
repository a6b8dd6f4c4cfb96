package dev.agentry.workflows.reconciliation;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Temporal did not answer (unreachable or too slow), so nothing can be concluded about its workflows. */
final class TemporalUnavailableException extends RuntimeException {

    TemporalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure as unavailability when it is one, else null. */
    static TemporalUnavailableException from(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException status && isUnavailability(status.getStatus().getCode())) {
                return new TemporalUnavailableException("Temporal is unavailable ("
                        + status.getStatus().getCode() + "): " + status.getStatus().getDescription(), failure);
            }
        }
        return null;
    }

    private static boolean isUnavailability(Status.Code code) {
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
    }
}
