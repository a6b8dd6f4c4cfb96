package dev.agentry.command.identity;

import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.ConnectSlack;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.DisconnectSlack;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.RevokeApiToken;
import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.command.api.UserCreated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person or system account, the API tokens that authenticate it, and its Slack connection (one per user:
 * its agents act in Slack as that connection's bot). Names are made unique by the caller.
 */
@Aggregate
class User {

    @AggregateIdentifier
    private String userId;
    private final Set<String> issuedTokenIds = new HashSet<>();
    private final Set<String> revokedTokenIds = new HashSet<>();
    private String slackTeamId;
    private String slackSecretId;

    User() {
        // for Axon, which rebuilds the user from its events
    }

    @CommandHandler
    User(CreateUser command) {
        if (command.userId() == null || command.userId().isBlank()) {
            throw IdentityRules.invalid("user_id is required");
        }
        IdentityRules.checkUsername(command.username());
        if (command.role() == null) {
            throw IdentityRules.invalid("role is required: USER or ADMIN");
        }
        apply(new UserCreated(command.userId(), command.username(), command.role()));
    }

    @CommandHandler
    void handle(IssueApiToken command) {
        IdentityRules.checkTokenId(command.tokenId());
        IdentityRules.checkTokenHash(command.tokenHash());
        if (issuedTokenIds.contains(command.tokenId())) {
            // even a revoked id stays taken, so a token id names one secret for ever
            throw new CommandRejectedException(RejectionCode.FAILED_PRECONDITION,
                    "token '%s' already exists".formatted(command.tokenId()));
        }
        apply(new ApiTokenIssued(userId, command.tokenId(), command.tokenHash(), command.expiresAt()));
    }

    @CommandHandler
    void handle(RevokeApiToken command) {
        IdentityRules.checkTokenId(command.tokenId());
        if (!issuedTokenIds.contains(command.tokenId())) {
            throw new CommandRejectedException(RejectionCode.NOT_FOUND,
                    "token '%s' not found".formatted(command.tokenId()));
        }
        if (!revokedTokenIds.contains(command.tokenId())) {
            apply(new ApiTokenRevoked(userId, command.tokenId()));
        }
    }

    @CommandHandler
    void handle(ConnectSlack command) {
        if (isBlank(command.teamId()) || isBlank(command.botUserId()) || isBlank(command.secretId())) {
            throw IdentityRules.invalid("a Slack connection needs its team, bot user and token reference");
        }
        apply(new SlackConnected(userId, command.teamId(), command.teamName(), command.botUserId(),
                command.notifyUser(), command.secretId(), slackSecretId));
    }

    @CommandHandler
    void handle(DisconnectSlack command) {
        if (slackSecretId != null) {
            apply(new SlackDisconnected(userId, slackTeamId, slackSecretId));
        }
    }

    @EventSourcingHandler
    void on(SlackConnected event) {
        slackTeamId = event.teamId();
        slackSecretId = event.secretId();
    }

    @EventSourcingHandler
    void on(SlackDisconnected event) {
        slackTeamId = null;
        slackSecretId = null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        userId = event.userId();
    }

    @EventSourcingHandler
    void on(ApiTokenIssued event) {
        issuedTokenIds.add(event.tokenId());
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        revokedTokenIds.add(event.tokenId());
    }
}
