package dev.agentry.infra.postgres.readmodel;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.NotifyPolicy;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.UpdateAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes that each hold one of every read model's two segments: once the wait for a write's aggregate ends on
 * the node that wrote it, every read model that handles the write holds it, whichever node's segment owns it.
 */
class ReadYourWritesAcrossNodesTest {

    private static final String ALICE = "user-alice";
    private static final int AGENTS = 20;

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform first;
    private static RunningPlatform second;

    @BeforeAll
    static void startTwoNodesThatShareTheSegments() {
        database = PostgresTestDatabase.create();
        first = RunningPlatform.start(database, home.resolve("first"), "agentry.projections.segments=2",
                "agentry.projections.claim-interval=200ms");
        second = RunningPlatform.start(database, home.resolve("second"), "agentry.projections.segments=2",
                "agentry.projections.claim-interval=200ms");
        first.shareSegmentsWith(second);
        first.send(new CreateUser(ALICE, "alice", Role.USER), "user-admin", "admin");
    }

    @AfterAll
    static void stopThem() {
        second.close();
        first.close();
        database.close();
    }

    @Test
    void whenTheWaitForAnAggregateEndsEveryReadModelThatHandlesItsLatestEventHoldsIt() {
        ReadModelFreshness freshness = first.bean(ReadModelFreshness.class);
        JdbcClient jdbc = first.jdbc();
        List<String> agents = new ArrayList<>();
        for (int agent = 0; agent < AGENTS; agent++) {
            String agentId = UUID.randomUUID().toString();
            agents.add(agentId);
            send(new CreateAgent(agentId, ALICE, settings("agent " + agent)));

            assertThat(freshness.awaitLatestEventOf(agentId)).isTrue();
            // read at once, not awaited: the wait alone must have made these true
            assertThat(jdbc.sql("SELECT name FROM agent_status WHERE agent_id = ?").param(agentId).query(String.class).optional())
                    .as("agent-status holds agent %d", agent).contains("agent " + agent);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE agent_id = ? AND type = 'AgentCreated'").param(agentId)
                    .query(Long.class).single()).as("audit-trail holds agent %d", agent).isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM agent_run_owners WHERE agent_id = ?").param(agentId)
                    .query(Long.class).single()).as("run-history knows agent %d", agent).isEqualTo(1);

            send(new UpdateAgent(agentId, ALICE, new AgentSettingsChange(null, "Say goodbye.", null, null, null, null,
                    null, null, null, null, null, null, null)));
            assertThat(freshness.awaitLatestEventOf(agentId)).isTrue();
            assertThat(jdbc.sql("SELECT instructions FROM agent_status WHERE agent_id = ?").param(agentId)
                    .query(String.class).single()).as("agent-status holds agent %d's change", agent).isEqualTo("Say goodbye.");
        }
        Segment secondNodes = segmentHeldBy(second);
        assertThat(agents).as("agents whose events the other node's segment owns")
                .anyMatch(secondNodes::matches).anyMatch(agentId -> !secondNodes.matches(agentId));
    }

    private static Segment segmentHeldBy(RunningPlatform node) {
        StreamingEventProcessor processor = node.readModelProcessors().get(0);
        return processor.processingStatus().values().iterator().next().getSegment();
    }

    private static void send(Object command) {
        first.bean(CommandGateway.class).sendAndWait(MessageMetadata.sentBy(command, ALICE, "alice"));
    }

    private static AgentSettings settings(String name) {
        return new AgentSettings(name, "Say hello.", ReasoningTier.STANDARD, null,
                new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                OverlapPolicy.SKIP, CatchUpPolicy.SKIP, 3).withNotify(NotifyPolicy.NONE);
    }
}
