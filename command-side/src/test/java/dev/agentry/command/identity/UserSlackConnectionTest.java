package dev.agentry.command.identity;

import dev.agentry.command.api.ConnectSlack;
import dev.agentry.command.api.DisconnectSlack;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.command.api.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;

class UserSlackConnectionTest {

    private static final String USER = "user-1";
    private static final UserCreated CREATED = new UserCreated(USER, "ada", Role.USER);

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void connectingRecordsTheTeamAndBotAndOnlyTheTokensReference() {
        fixture.given(CREATED)
                .when(new ConnectSlack(USER, "T1", "Acme", "U0BOT", "U42", "sec-1"))
                .expectEvents(new SlackConnected(USER, "T1", "Acme", "U0BOT", "U42", "sec-1", null));
    }

    @Test
    void connectingAgainReplacesTheConnectionAndNamesTheSupersededToken() {
        fixture.given(CREATED, new SlackConnected(USER, "T1", "Acme", "U0BOT", null, "sec-1", null))
                .when(new ConnectSlack(USER, "T2", "Other", "U1BOT", null, "sec-2"))
                .expectEvents(new SlackConnected(USER, "T2", "Other", "U1BOT", null, "sec-2", "sec-1"));
    }

    @Test
    void aConnectionWithoutATokenReferenceIsRejected() {
        fixture.given(CREATED)
                .when(new ConnectSlack(USER, "T1", "Acme", "U0BOT", null, " "))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "a Slack connection needs its team, bot user and token reference"));
    }

    @Test
    void disconnectingNamesTheTokenToDelete() {
        fixture.given(CREATED, new SlackConnected(USER, "T1", "Acme", "U0BOT", null, "sec-1", null))
                .when(new DisconnectSlack(USER))
                .expectEvents(new SlackDisconnected(USER, "T1", "sec-1"));
    }

    @Test
    void disconnectingWithoutAConnectionChangesNothing() {
        fixture.given(CREATED, new SlackConnected(USER, "T1", "Acme", "U0BOT", null, "sec-1", null),
                        new SlackDisconnected(USER, "T1", "sec-1"))
                .when(new DisconnectSlack(USER))
                .expectNoEvents();
    }
}
