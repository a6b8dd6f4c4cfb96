package dev.agentry.command.api;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The run messages survive the event store's serialiser unchanged, missing fields included. */
class RunMessagesSerializationTest {

    private static final Instant FIRE = Instant.parse("2026-03-29T01:30:00Z");
    private static final Instant STARTED = Instant.parse("2026-03-29T01:30:01.250Z");
    private static final Instant FINISHED = Instant.parse("2026-03-29T01:31:40.5Z");

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void everyRunCommandAndEventReadsBackEqual() {
        List<Object> messages = List.of(
                new RequestAgentRun("agent-1", "user-1", "run-manual-1"),
                new AgentRunRequested("agent-1", "run-manual-1"),
                new RecordAgentRun("agent-1", "run-1", RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, "claude-sonnet",
                        1200, 340, "Posted the digest", "transcripts/run-1.json"),
                new AgentRan("agent-1", "run-1", RunTrigger.MANUAL, null, STARTED, FINISHED, "claude-sonnet",
                        Long.MAX_VALUE, 0, null, null),
                new RecordAgentFailure("agent-1", "run-2", RunTrigger.CATCH_UP, FIRE, STARTED, FINISHED, null,
                        "TIMEOUT", "no answer within 10 minutes", 5, 6, null),
                new AgentFailed("agent-1", "run-2", RunTrigger.CATCH_UP, FIRE, STARTED, FINISHED, "gpt-large",
                        "STEP_LIMIT", "stopped after 50 steps", 5, 6, "transcripts/run-2.json"),
                new RecordAgentRunSkipped("agent-1", "run-3", RunTrigger.SCHEDULE, FIRE, "OVERLAP"),
                new AgentRunSkipped("agent-1", "run-3", RunTrigger.SCHEDULE, FIRE, "OVERLAP"),
                new RestoreAgentSchedule("agent-1"),
                new AgentScheduleRestored("agent-1"),
                new StopOrphanedAgent("agent-1"));

        for (Object message : messages) {
            SerializedObject<byte[]> serialized = serializer.serialize(message, byte[].class);
            Object readBack = serializer.deserialize(serialized);
            assertThat(readBack).as(message.getClass().getSimpleName()).isEqualTo(message);
        }
    }
}
