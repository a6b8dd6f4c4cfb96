package dev.agentry.query.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import dev.agentry.query.api.ListAgents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatusProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private QuerySide querySide;
    private Actor alice;
    private Actor bob;

    @BeforeEach
    void startQuerySide() {
        querySide = new QuerySide(database.dataSource());
        alice = createUser("alice");
        bob = createUser("bob");
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void createdAgentIsFoundStoppedWithItsSettingsAndOwnerName() {
        String agentId = newId();
        AgentSettings settings = ExampleSettings.scheduled("digest").withNotify(NotifyPolicy.NONE)
                .withTokenBudgets(5_000L, 100_000L);
        DomainEventMessage<?> created = querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), settings), alice);

        AgentView view = querySide.queryOptional(new FindAgent(agentId, alice.id()), AgentView.class).orElseThrow();

        assertThat(view).isEqualTo(new AgentView(agentId, alice.id(), alice.name(), "digest", settings.instructions(),
                settings.tier(), null, settings.schedule(), settings.tools(), settings.overlap(), settings.catchUp(), 3,
                NotifyPolicy.NONE, 5_000L, 100_000L,
                AgentStatus.STOPPED, created.getTimestamp(), created.getTimestamp(), 0, null, null));
    }

    @Test
    void reconfigurationReplacesEverySettingAndKeepsTheCreationTime() {
        String agentId = newId();
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        AgentSettings changed = ExampleSettings.manual("helper");
        DomainEventMessage<?> reconfigured = querySide.agentEvent(agentId, new AgentReconfigured(agentId, changed), alice);

        AgentView view = querySide.queryOptional(new FindAgent(agentId, alice.id()), AgentView.class).orElseThrow();

        assertThat(view).isEqualTo(new AgentView(agentId, alice.id(), alice.name(), "helper", changed.instructions(),
                changed.tier(), "claude-sonnet", null, List.of(), changed.overlap(), changed.catchUp(), null,
                NotifyPolicy.FAILURES, null, null, AgentStatus.STOPPED, created.getTimestamp(), reconfigured.getTimestamp(), 1, null, null));
    }

    @Test
    void startingAndStoppingChangeTheStatusAndVersion() {
        String agentId = createAgent(alice, "digest");

        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        AgentView running = querySide.query(new FindAgent(agentId, alice.id()), AgentView.class);
        DomainEventMessage<?> stopped = querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);
        AgentView stoppedView = querySide.query(new FindAgent(agentId, alice.id()), AgentView.class);

        assertThat(running.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(running.version()).isEqualTo(1);
        assertThat(running.updatedAt()).isEqualTo(started.getTimestamp());
        assertThat(stoppedView.status()).isEqualTo(AgentStatus.STOPPED);
        assertThat(stoppedView.version()).isEqualTo(2);
        assertThat(stoppedView.updatedAt()).isEqualTo(stopped.getTimestamp());
    }

    @Test
    void deletedAgentIsNoLongerFound() {
        String agentId = createAgent(alice, "digest");
        querySide.agentEvent(agentId, new AgentDeleted(agentId), alice);

        assertThat(querySide.queryOptional(new FindAgent(agentId, alice.id()), AgentView.class)).isEmpty();
        assertThat(querySide.query(new FindAgent(agentId, alice.id()), AgentView.class)).isNull();
    }

    @Test
    void anotherUsersAgentIsNeitherFoundNorListed() {
        String agentId = createAgent(alice, "digest");

        assertThat(querySide.queryOptional(new FindAgent(agentId, bob.id()), AgentView.class)).isEmpty();
        assertThat(querySide.queryList(new ListAgents(bob.id(), null), AgentView.class)).isEmpty();
        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class))
                .extracting(AgentView::agentId).containsExactly(agentId);
    }

    @Test
    void unknownAgentIsNotFound() {
        assertThat(querySide.queryOptional(new FindAgent(newId(), alice.id()), AgentView.class)).isEmpty();
    }

    @Test
    void listingShowsTheOwnersAgentsInCreationOrder() {
        String later = "a-" + newId();
        String earlier = "z-" + newId();
        createAgent(bob, "bob's");
        createAgent(alice, earlier, "first");
        createAgent(alice, later, "second");

        List<AgentView> agents = querySide.queryList(new ListAgents(alice.id(), null), AgentView.class);

        assertThat(agents).extracting(AgentView::name).containsExactly("first", "second");
        assertThat(agents).extracting(AgentView::owner).containsOnly(alice.name());
    }

    @Test
    void agentsCreatedAtTheSameInstantAreListedByAgentId() {
        querySide.clockStep(Duration.ZERO);
        createAgent(alice, "c-" + newId(), "third");
        createAgent(alice, "a-" + newId(), "first");
        createAgent(alice, "b-" + newId(), "second");

        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class))
                .extracting(AgentView::name).containsExactly("first", "second", "third");
    }

    @Test
    void pagesFollowTheListingOrderFromThePositionOfThePreviousPagesLastAgent() {
        querySide.clockStep(Duration.ZERO);
        createAgent(alice, "b-" + newId(), "report 2");
        createAgent(alice, "a-" + newId(), "report 1");
        querySide.clockStep(Duration.ofSeconds(1));
        createAgent(alice, "c-" + newId(), "digest");
        createAgent(alice, "d-" + newId(), "report 3");

        List<AgentView> first = querySide.queryList(new ListAgents(alice.id(), null, null, null, 2), AgentView.class);
        List<AgentView> second = querySide.queryList(new ListAgents(alice.id(), null, null,
                ListAgents.Position.of(first.get(1)), 2), AgentView.class);
        List<AgentView> reports = querySide.queryList(new ListAgents(alice.id(), null, "report ",
                ListAgents.Position.of(first.get(0)), 10), AgentView.class);

        assertThat(first).extracting(AgentView::name).containsExactly("report 1", "report 2");
        assertThat(second).extracting(AgentView::name).containsExactly("digest", "report 3");
        assertThat(reports).extracting(AgentView::name).containsExactly("report 2", "report 3");
    }

    @Test
    void listingFiltersByStatusAndHidesDeletedAgentsUnlessAskedFor() {
        String running = createAgent(alice, "running");
        querySide.agentEvent(running, new AgentStarted(running), alice);
        createAgent(alice, "stopped");
        String deleted = createAgent(alice, "deleted");
        querySide.agentEvent(deleted, new AgentDeleted(deleted), alice);

        assertThat(listNames(null)).containsExactly("running", "stopped");
        assertThat(listNames(AgentStatus.RUNNING)).containsExactly("running");
        assertThat(listNames(AgentStatus.STOPPED)).containsExactly("stopped");
        assertThat(listNames(AgentStatus.DELETED)).containsExactly("deleted");
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String agentId = newId();
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        DomainEventMessage<?> firstChange = querySide.agentEvent(agentId,
                new AgentReconfigured(agentId, ExampleSettings.manual("helper")), alice);
        querySide.agentEvent(agentId, new AgentReconfigured(agentId, ExampleSettings.scheduled("digest v2")), alice);
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        DomainEventMessage<?> stopped = querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);
        DomainEventMessage<?> restarted = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        AgentView before = querySide.query(new FindAgent(agentId, alice.id()), AgentView.class);

        querySide.redeliver(restarted);
        querySide.redeliver(stopped);
        querySide.redeliver(firstChange);
        querySide.redeliver(created);

        assertThat(querySide.query(new FindAgent(agentId, alice.id()), AgentView.class)).isEqualTo(before);
        assertThat(before.status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(before.name()).isEqualTo("digest v2");
        assertThat(before.version()).isEqualTo(5);
    }

    @Test
    void resetForgetsEveryAgentAndAReplayRebuildsThem() {
        String agentId = newId();
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.scheduled("digest")), alice);
        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        AgentView before = querySide.query(new FindAgent(agentId, alice.id()), AgentView.class);

        querySide.reset("agent-status");

        assertThat(database.jdbc().sql("SELECT count(*) FROM agent_status").query(Long.class).single()).isZero();
        assertThat(querySide.queryList(new ListAgents(alice.id(), null), AgentView.class)).isEmpty();
        assertThat(database.jdbc().sql("SELECT count(*) FROM users").query(Long.class).single())
                .as("another group's read model").isPositive();

        querySide.redeliver(created);
        querySide.redeliver(started);
        assertThat(querySide.query(new FindAgent(agentId, alice.id()), AgentView.class)).isEqualTo(before);
    }

    @Test
    void ownerNameIsMissingWhileTheUserIsNotYetProjected() {
        String ownerId = newId();
        String agentId = newId();
        querySide.agentEvent(agentId, new AgentCreated(agentId, ownerId, ExampleSettings.manual("early")), Actor.NOBODY);

        AgentView view = querySide.query(new FindAgent(agentId, ownerId), AgentView.class);

        assertThat(view.ownerId()).isEqualTo(ownerId);
        assertThat(view.owner()).isNull();
    }

    private List<String> listNames(AgentStatus status) {
        return querySide.queryList(new ListAgents(alice.id(), status), AgentView.class).stream()
                .map(AgentView::name).toList();
    }

    private Actor createUser(String username) {
        Actor user = new Actor(newId(), username + "-" + newId().substring(0, 8));
        querySide.userEvent(user.id(), new UserCreated(user.id(), user.name(), Role.USER), Actor.NOBODY);
        return user;
    }

    private String createAgent(Actor owner, String name) {
        return createAgent(owner, newId(), name);
    }

    private String createAgent(Actor owner, String agentId, String name) {
        querySide.agentEvent(agentId, new AgentCreated(agentId, owner.id(), ExampleSettings.scheduled(name)), owner);
        return agentId;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
