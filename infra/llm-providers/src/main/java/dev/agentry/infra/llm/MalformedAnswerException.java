package dev.agentry.infra.llm;

/** An answer that parsed but lacks what every answer must have. */
public final class MalformedAnswerException extends RuntimeException {

    public MalformedAnswerException(String message) {
        super(message);
    }
}
