package dev.agentry.command.api;

/** Metadata keys every command carries and every resulting event inherits. */
public final class MessageMetadata {

    /** user id of whoever caused the message, or a {@code system:*} name */
    public static final String ACTOR_ID = "actorId";
    /** user name of the actor, or the same {@code system:*} name */
    public static final String ACTOR_NAME = "actorName";
    /** set by Axon's MessageOriginProvider: the id of the command that started the chain */
    public static final String CORRELATION_ID = "correlationId";

    private MessageMetadata() {
    }
}
