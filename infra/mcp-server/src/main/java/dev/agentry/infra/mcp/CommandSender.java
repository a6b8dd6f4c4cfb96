package dev.agentry.infra.mcp;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.infra.mcp.security.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
     * Sends a command as the caller.
     *
     * @param subject how the target reads in a message, e.g. {@code agent 'a-1'}: an unknown target
     *                answers {@code not_found: <subject> not found}
     *                and a creation whose id is taken {@code failed_precondition: <subject> already exists}
     * @throws ToolFailure for those cases and a timeout; other failures as thrown (wrapped)
     */
    public void send(Object command, Caller caller, String subject) {
        sendAs(command, caller, subject, false);
    }

    /**
     * Sends a command that creates an aggregate whose id the caller chose, so that a retry finds the first
     * attempt's aggregate instead of creating another.
     *
     * @return false when an aggregate with that id already exists: nothing was appended
     */
    public boolean create(Object command, Caller caller, String subject) {
        return sendAs(command, caller, subject, true);
    }

    private boolean sendAs(Object command, Caller caller, String subject, boolean creation) {
        try {
            commandGateway.send(MessageMetadata.sentBy(command, caller.userId(), caller.username()))
                    .get(properties.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ToolFailure.unavailable("the platform is shutting down; retry later");
        } catch (TimeoutException e) {
            throw ToolFailure.unavailable("the platform did not confirm the change in time; check before retrying");
        } catch (ExecutionException e) {
            if (creation && ExceptionUtils.throwableOfType(e.getCause(), AggregateStreamCreationException.class) != null) {
                return false;
            }
            throw forSubject(e.getCause(), subject);
        }
        return true;
    }

    private static RuntimeException forSubject(Throwable failure, String subject) {
        if (ExceptionUtils.throwableOfType(failure, AggregateNotFoundException.class) != null) {
            return ToolFailure.notFound(subject + " not found");
        }
        if (ExceptionUtils.throwableOfType(failure, AggregateStreamCreationException.class) != null) {
            return ToolFailure.failedPrecondition(subject + " already exists");
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
