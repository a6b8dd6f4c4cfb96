package dev.agentry.infra.temporal.run;

import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.MessageMetadata;
import io.temporal.failure.ApplicationFailure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends what the scheduler reports (run outcomes, skipped runs) from an activity, as {@code system:scheduler}.
 * The aggregate ignores a run id it has seen, so Temporal's at-least-once delivery is harmless. An agent
 * that does not exist takes nothing; a rejected report is a bug no retry fixes; anything else (the
 * database away, a conflict) is thrown for Temporal to retry.
 */
@Component
class SchedulerCommands {

    static final String ACTOR = "system:scheduler";
    private static final long TIMEOUT_SECONDS = 30;
    private static final Logger log = LoggerFactory.getLogger(SchedulerCommands.class);

    private final CommandGateway commands;

    SchedulerCommands(CommandGateway commands) {
        this.commands = commands;
    }

    void send(Object command, String agentId, String runId) {
        try {
            commands.send(MessageMetadata.sentBy(command, ACTOR, ACTOR))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reporting run " + runId, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the command side did not confirm run " + runId + " in time", e);
        } catch (ExecutionException e) {
            handleFailure(e.getCause(), agentId, runId);
        }
    }

    private static void handleFailure(Throwable failure, String agentId, String runId) {
        if (ExceptionUtils.throwableOfType(failure, AggregateNotFoundException.class) != null) {
            log.info("Run {} not recorded: agent {} does not exist", runId, agentId);
            return;
        }
        CommandRejectedException rejected = ExceptionUtils.throwableOfType(failure, CommandRejectedException.class);
        if (rejected != null) {
            throw ApplicationFailure.newNonRetryableFailure(rejected.getMessage(), "RunReportRejected");
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }
}
