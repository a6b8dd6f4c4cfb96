package dev.agentry.infra.mcp.security;

import dev.agentry.infra.mcp.McpProperties;
import org.apache.commons.lang3.exception.ExceptionUtils;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.Role;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiToken;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes sure the platform has an administrator: at the first start it creates the user
 * {@code admin} and issues its token {@value #TOKEN_ID}, either the configured
 * {@code AGENTRY_ADMIN_TOKEN} or a generated one printed once. Until that token is known, both steps
 * are attempted at every start and each is refused once done, so a crash between them is repaired
 * at the next start.
 */
@Component
class AdminBootstrap {

    static final String USER_ID = "user-admin";
    static final String USERNAME = "admin";
    static final String TOKEN_ID = "tok_bootstrap";
    static final String ACTOR = "system:bootstrap";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final ReadModelFreshness freshness;
    private final String configuredToken;
    private final PrintStream console;

    AdminBootstrap(CommandGateway commandGateway, QueryGateway queryGateway, ReadModelFreshness freshness,
                   TokenProperties tokens) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.freshness = freshness;
        this.configuredToken = tokens.adminToken();
        this.console = System.out;
    }

    /** Runs before anything else that waits for the application to be ready (the announcement). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void ensureAdministrator() {
        if (bootstrapTokenIssued()) {
            return;
        }
        if (createAdmin()) {
            log.info("Created the administrator '{}'", USERNAME);
        }
        String token = configuredToken.isEmpty() ? ApiTokens.newToken() : configuredToken;
        if (issueBootstrapToken(token)) {
            if (configuredToken.isEmpty()) {
                printOnce(token);
            } else {
                log.info("The administrator's token is the configured AGENTRY_ADMIN_TOKEN");
            }
            awaitTokenUsable();
        }
    }

    /**
     * The usual answer after the first start. Only a shortcut: when the read models cannot tell, the
     * commands below are tried and refused.
     */
    private boolean bootstrapTokenIssued() {
        try {
            freshness.awaitEventsStoredSoFar();
            Optional<ApiTokenView> token = queryGateway
                    .query(new FindApiToken(TOKEN_ID), ResponseTypes.optionalInstanceOf(ApiTokenView.class))
                    .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return token != null && token.isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Could not look the bootstrap token up; trying to set the administrator up", e);
            return false;
        }
    }

    /** @return false when the administrator already exists */
    private boolean createAdmin() {
        try {
            send(new CreateUser(USER_ID, USERNAME, Role.ADMIN));
            return true;
        } catch (ExecutionException e) {
            if (alreadyExists(e.getCause())) {
                return false;
            }
            throw new IllegalStateException("Could not create the administrator: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** @return false when the bootstrap token was issued before (and perhaps revoked since) */
    private boolean issueBootstrapToken(String token) {
        try {
            send(new IssueApiToken(USER_ID, TOKEN_ID, ApiTokens.sha256Hex(token)));
            return true;
        } catch (ExecutionException e) {
            if (isRejectedPrecondition(e.getCause())) {
                return false;
            }
            throw new IllegalStateException("Could not issue the administrator's token: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean alreadyExists(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, AggregateStreamCreationException.class) != null
                || ExceptionUtils.throwableOfType(failure, ConcurrencyException.class) != null
                || isRejectedPrecondition(failure);
    }


    private static boolean isRejectedPrecondition(Throwable failure) {
        CommandRejectedException rejected = ExceptionUtils.throwableOfType(failure, CommandRejectedException.class);
        return rejected != null && rejected.code() == RejectionCode.FAILED_PRECONDITION;
    }

    private void send(Object command) throws ExecutionException {
        try {
            commandGateway.send(MessageMetadata.sentBy(command, ACTOR, ACTOR))
                    .get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the administrator", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("The event store did not answer within " + COMMAND_TIMEOUT
                    + " while setting up the administrator", e);
        }
    }

    private void printOnce(String token) {
        String rule = "=".repeat(78);
        console.println(rule);
        console.println("Admin token (shown once): " + token);
        console.println("Store it now: only its hash is kept, it cannot be shown again.");
        console.println("Use it as 'Authorization: Bearer <token>'; the admin tools issue tokens for other users.");
        console.println(rule);
        console.flush();
    }

    /** So that a client that read the token (or knows AGENTRY_ADMIN_TOKEN) is not refused a moment later. */
    private void awaitTokenUsable() {
        try {
            freshness.awaitEventsStoredSoFar();
        } catch (ReadModelFreshness.ReadModelLagException e) {
            log.warn("The administrator's token will work once the read models catch up: {}", e.getMessage());
        }
    }
}
