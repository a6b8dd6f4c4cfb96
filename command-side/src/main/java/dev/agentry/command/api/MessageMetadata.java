package dev.agentry.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;

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

    /** The command as {@code actorId} (named {@code actorName}) sends it: every command says who sent it. */
    public static CommandMessage<?> sentBy(Object command, String actorId, String actorName) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.with(ACTOR_ID, actorId).and(ACTOR_NAME, actorName));
    }
}
