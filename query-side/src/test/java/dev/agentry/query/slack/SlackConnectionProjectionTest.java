package dev.agentry.query.slack;

import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.query.Actor;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.FindSlackConnection;
import dev.agentry.query.api.SlackConnectionView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlackConnectionProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private QuerySide querySide;
    private final String userId = "user-" + UUID.randomUUID();
    private final Actor actor = new Actor(userId, "alice");

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void aConnectionIsFoundWithItsTeamBotNotifyUserAndTokenReference() {
        querySide.userEvent(userId, new SlackConnected(userId, "T1", "Acme", "U0BOT", "U42", "sec-1", null), actor);

        assertThat(connection()).hasValueSatisfying(view -> {
            assertThat(view.teamId()).isEqualTo("T1");
            assertThat(view.teamName()).isEqualTo("Acme");
            assertThat(view.botUserId()).isEqualTo("U0BOT");
            assertThat(view.notifyUser()).isEqualTo("U42");
            assertThat(view.secretId()).isEqualTo("sec-1");
        });
    }

    @Test
    void aNewConnectionReplacesTheOldAndARedeliveredOldDisconnectionLeavesItInPlace() {
        querySide.userEvent(userId, new SlackConnected(userId, "T1", "Acme", "U0BOT", null, "sec-1", null), actor);
        DomainEventMessage<?> disconnected = querySide.userEvent(userId, new SlackDisconnected(userId, "T1", "sec-1"), actor);
        querySide.userEvent(userId, new SlackConnected(userId, "T2", "Other", "U1BOT", null, "sec-2", null), actor);

        querySide.redeliver(disconnected);

        assertThat(connection()).map(SlackConnectionView::secretId).contains("sec-2");
    }

    @Test
    void aDisconnectionRemovesTheConnectionAndAResetForgetsThemAll() {
        querySide.userEvent(userId, new SlackConnected(userId, "T1", "Acme", "U0BOT", null, "sec-1", null), actor);
        querySide.userEvent(userId, new SlackDisconnected(userId, "T1", "sec-1"), actor);
        assertThat(connection()).isEmpty();

        querySide.userEvent(userId, new SlackConnected(userId, "T1", "Acme", "U0BOT", null, "sec-3", null), actor);
        querySide.reset("identity");
        assertThat(connection()).isEmpty();
    }

    private Optional<SlackConnectionView> connection() {
        return querySide.queryOptional(new FindSlackConnection(userId), SlackConnectionView.class);
    }
}
