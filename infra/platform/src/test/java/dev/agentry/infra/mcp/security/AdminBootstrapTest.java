package dev.agentry.infra.mcp.security;

import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.IssueApiToken;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.RejectionCode;
import dev.agentry.command.api.Role;
import dev.agentry.infra.platform.testing.InMemoryMessaging;
import dev.agentry.query.api.ApiTokenView;
import dev.agentry.query.api.FindApiToken;
import dev.agentry.query.api.UserView;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a stand-in for the user aggregate that keeps what it accepted, like the event store would. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {


    private static final Pattern BANNER = Pattern.compile("Admin token \\(shown once\\): (agt_[A-Za-z0-9_-]{43})");

    private final Set<String> users = new HashSet<>();
    private final Set<String> tokenIds = new HashSet<>();
    private final InMemoryMessaging messaging = new InMemoryMessaging()
            .onCommand(CreateUser.class, command -> {
                if (!users.add(command.userId())) {
                    throw new AggregateStreamCreationException("duplicate key value violates unique constraint");
                }
                return null;
            })
            .onCommand(IssueApiToken.class, command -> {
                if (!tokenIds.add(command.tokenId())) {
                    throw new CommandRejectedException(RejectionCode.FAILED_PRECONDITION, "token 'tok_bootstrap' already exists");
                }
                return null;
            })
            .onQuery(FindApiToken.class, ApiTokenView.class, query -> tokenIds.contains(query.tokenId())
                    ? new ApiTokenView(query.tokenId(), "0".repeat(64), false, new UserView("user-admin", "admin", Role.ADMIN))
                    : null);

    @Test
    void theFirstStartCreatesTheAdministratorAndPrintsItsGeneratedTokenOnce(CapturedOutput output) {
        bootstrap("").ensureAdministrator();

        Matcher banner = BANNER.matcher(output.getOut());
        assertThat(banner.find()).as(output.getOut()).isTrue();
        assertThat(output.getOut().indexOf("Admin token")).isEqualTo(output.getOut().lastIndexOf("Admin token"));
        assertThat(messaging.sentCommands()).extracting(sent -> sent.payload()).containsExactly(
                new CreateUser("user-admin", "admin", Role.ADMIN),
                new IssueApiToken("user-admin", "tok_bootstrap", ApiTokens.sha256Hex(banner.group(1))));
        assertThat(messaging.sentCommands().get(0).metaData())
                .containsEntry(MessageMetadata.ACTOR_ID, "system:bootstrap").containsEntry(MessageMetadata.ACTOR_NAME, "system:bootstrap");
    }

    @Test
    void aConfiguredTokenIsIssuedAndNeverPrinted(CapturedOutput output) {
        bootstrap("agt_configured_by_the_operator").ensureAdministrator();

        assertThat(output.getAll()).doesNotContain("agt_configured_by_the_operator").doesNotContain("Admin token");
        assertThat(messaging.sentCommands().get(1).payload())
                .isEqualTo(new IssueApiToken("user-admin", "tok_bootstrap", ApiTokens.sha256Hex("agt_configured_by_the_operator")));
    }

    @Test
    void aLaterStartSendsNothingAndPrintsNothing(CapturedOutput output) {
        bootstrap("").ensureAdministrator();
        int printedBefore = output.getOut().length();

        bootstrap("").ensureAdministrator();

        assertThat(output.getOut().substring(printedBefore)).doesNotContain("Admin token");
        assertThat(messaging.sentCommands()).hasSize(2);
    }

    @Test
    void whenTheReadModelCannotTellTheCommandsAreRefusedAndNothingChanges(CapturedOutput output) {
        bootstrap("").ensureAdministrator();
        int printedBefore = output.getOut().length();
        InMemoryMessaging withoutReadModel = new InMemoryMessaging()
                .onCommand(CreateUser.class, command -> messaging.commandGateway().sendAndWait(command))
                .onCommand(IssueApiToken.class, command -> messaging.commandGateway().sendAndWait(command));

        new AdminBootstrap(withoutReadModel.commandGateway(), withoutReadModel.queryGateway(), InMemoryMessaging.readModelsAlwaysCurrent(), new TokenProperties("")).ensureAdministrator();

        assertThat(output.getOut().substring(printedBefore)).doesNotContain("Admin token");
        assertThat(users).hasSize(1);
        assertThat(tokenIds).containsExactly("tok_bootstrap");
    }

    @Test
    void aStartAfterACrashBetweenTheTwoStepsIssuesTheMissingToken(CapturedOutput output) {
        users.add("user-admin");

        bootstrap("").ensureAdministrator();

        assertThat(BANNER.matcher(output.getOut()).find()).isTrue();
        assertThat(tokenIds).containsExactly("tok_bootstrap");
    }

    @Test
    void aFailureOtherThanExistingStopsTheStartWithAClearMessage() {
        InMemoryMessaging broken = new InMemoryMessaging().onCommand(CreateUser.class, command -> {
            throw new DataAccessResourceFailureException("connection refused");
        });

        assertThatThrownBy(() -> new AdminBootstrap(broken.commandGateway(), broken.queryGateway(), InMemoryMessaging.readModelsAlwaysCurrent(), new TokenProperties("")).ensureAdministrator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Could not create the administrator: connection refused");
    }

    private AdminBootstrap bootstrap(String configuredToken) {
        return new AdminBootstrap(messaging.commandGateway(), messaging.queryGateway(), InMemoryMessaging.readModelsAlwaysCurrent(), new TokenProperties(configuredToken));
    }
}
