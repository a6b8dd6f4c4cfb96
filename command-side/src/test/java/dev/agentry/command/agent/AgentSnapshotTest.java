package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentStarted;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import static dev.agentry.command.agent.RunReports.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

/** An agent written as a snapshot by the event store's serialiser reads back as the same agent. */
class AgentSnapshotTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void anAgentReadBackFromItsSnapshotEqualsTheOriginalFieldByField() {
        Agent agent = new Agent();
        agent.on(new AgentCreated(AGENT, "user-alice", SettingsBuilder.settings().build()));
        agent.on(new AgentStarted(AGENT));
        agent.on(new AgentRunRequested(AGENT, "run-manual-1"));
        agent.on(RunReports.ran("run-1"));
        agent.on(RunReports.failed("run-2"));
        agent.on(RunReports.failed("run-3"));

        SerializedObject<byte[]> snapshot = serializer.serialize(agent, byte[].class);
        Agent readBack = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains("user-alice", "run-manual-1", "run-3");
        assertThat(readBack).usingRecursiveComparison().isEqualTo(agent);
    }

    @Test
    void recentRunIdsReadBackInTheirOrderSoThatTheOldestIsStillForgottenFirst() {
        RecentRunIds recent = new RecentRunIds();
        for (int run = 0; run < RecentRunIds.CAPACITY; run++) {
            recent.remember("run-" + run);
        }

        RecentRunIds readBack = serializer.deserialize(serializer.serialize(recent, byte[].class));
        readBack.remember("run-new");

        assertThat(readBack.contains("run-0")).isFalse();
        assertThat(readBack.contains("run-1")).isTrue();
        assertThat(readBack.contains("run-new")).isTrue();
    }
}
