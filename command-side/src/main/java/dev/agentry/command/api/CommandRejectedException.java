package dev.agentry.command.api;

/** A domain rule refused a command; the message is written for the person who sent it. */
public class CommandRejectedException extends RuntimeException {

    private final RejectionCode code;

    public CommandRejectedException(RejectionCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public RejectionCode code() {
        return code;
    }
}
