package dev.agentry.infra.mcp;

import dev.agentry.command.api.MessageMetadata;
import dev.agentry.infra.security.Caller;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a tool's command on behalf of its caller, who becomes the actor of the resulting events. */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final McpProperties properties;

    public CommandSender(CommandGateway commandGateway, McpProperties properties) {
        this.commandGateway = commandGateway;
        this.properties = properties;
    }

    /**
     * Sends a command to an existing aggregate.
     *
     * @param subject how the target reads in a message, e.g. {@code agent 'a-1'}: an unknown target
     *                answers {@code not_found: <subject> not found}
     * @throws ToolFailure for that case, a concurrent change and a timeout; other failures as thrown (wrapped)
     */
    public void send(Object command, Caller caller, String subject) {
        send(command, caller, subject, false);
    }

    /**
     * Sends a command that creates an aggregate; when its id is taken the answer is
     * {@code failed_precondition: <subject> already exists}.
     */
    public void sendCreation(Object command, Caller caller, String subject) {
        send(command, caller, subject, true);
    }

    private void send(Object command, Caller caller, String subject, boolean creates) {
        MetaData actor = MetaData.with(MessageMetadata.ACTOR_ID, caller.userId())
                .and(MessageMetadata.ACTOR_NAME, caller.username());
        try {
            commandGateway.send(GenericCommandMessage.asCommandMessage(command).andMetaData(actor))
                    .get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolFailure.unavailable("the platform is shutting down; retry later");
        } catch (TimeoutException e) {
            throw ToolFailure.unavailable("the platform did not confirm the change in time; check before retrying");
        } catch (ExecutionException e) {
            throw forSubject(e.getCause(), subject, creates);
        }
    }

    private static RuntimeException forSubject(Throwable failure, String subject, boolean creates) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AggregateNotFoundException) {
                return ToolFailure.notFound(subject + " not found");
            }
            if (cause instanceof AggregateStreamCreationException) {
                return ToolFailure.failedPrecondition(subject + " already exists");
            }
        }
        if (DuplicateKeys.isUniqueViolation(failure)) {
            return creates ? ToolFailure.failedPrecondition(subject + " already exists")
                    : ToolFailure.failedPrecondition(subject + " was changed by another request at the same time; read it again and retry");
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
