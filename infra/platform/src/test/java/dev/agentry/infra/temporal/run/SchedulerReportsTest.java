package dev.agentry.infra.temporal.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.run.RunActivities;
import dev.agentry.workflows.run.RunRequest;
import dev.agentry.workflows.run.RunResult;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleActivities;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the run and schedule activities send to the command side, in the event store. */
class SchedulerReportsTest {

    private static final String OWNER = "user-bob";
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aSkippedFireIsRecordedAsAScheduledRunSkippedForOverlapByTheScheduler() {
        String agentId = createAgent();
        String runId = AgentScheduleWorkflow.scheduledRunId(agentId, FIRE);

        platform.bean(ScheduleActivities.class).recordSkippedRun(agentId, runId, FIRE);

        assertThat(events(agentId, "AgentRunSkipped")).singleElement().satisfies(event -> {
            assertThat(event.payload().path("runId").asText()).isEqualTo(runId);
            assertThat(event.payload().path("trigger").asText()).isEqualTo("SCHEDULE");
            assertThat(event.payload().path("scheduledAt").asText()).isEqualTo(FIRE.toString());
            assertThat(event.payload().path("reason").asText()).isEqualTo("OVERLAP");
            assertThat(event.metaData().path("actorName").asText()).isEqualTo("system:scheduler");
        });
    }

    @Test
    void aSkippedManualRunIsRecordedAsManual() {
        String agentId = createAgent();

        platform.bean(ScheduleActivities.class).recordSkippedRun(agentId, "manual-" + UUID.randomUUID(), FIRE);

        assertThat(events(agentId, "AgentRunSkipped")).singleElement()
                .satisfies(event -> assertThat(event.payload().path("trigger").asText()).isEqualTo("MANUAL"));
    }

    @Test
    void anOutcomeDeliveredTwiceIsRecordedOnce() {
        String agentId = createAgent();
        RunResult result = succeeded(agentId);

        platform.bean(RunActivities.class).recordOutcome(result);
        platform.bean(RunActivities.class).recordOutcome(result);

        assertThat(events(agentId, "AgentRan")).hasSize(1);
    }

    @Test
    void anOutcomeForAnAgentThatNeverExistedIsDroppedQuietly() {
        long before = platform.eventCount();

        platform.bean(RunActivities.class).recordOutcome(succeeded("agent-never-created"));
        platform.bean(ScheduleActivities.class).recordSkippedRun("agent-never-created", "manual-1", FIRE);

        assertThat(platform.eventCount()).isEqualTo(before);
    }

    private static RunResult succeeded(String agentId) {
        RunRequest request = new RunRequest(agentId, AgentScheduleWorkflow.scheduledRunId(agentId, FIRE),
                RunTrigger.SCHEDULE, FIRE);
        return new RunResult(request, FIRE, FIRE.plusSeconds(5), "some-model", new TokenUsage(10, 5), "Done.",
                null, null, null);
    }

    private static String createAgent() {
        String agentId = "agent-" + UUID.randomUUID();
        platform.send(new CreateAgent(agentId, OWNER, new AgentSettings("reporter", "Report.", ReasoningTier.STANDARD,
                null, new Schedule("0 8 * * *", "UTC"), List.of(), OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)),
                OWNER, "bob");
        return agentId;
    }

    private record StoredEvent(JsonNode payload, JsonNode metaData) {
    }

    private static List<StoredEvent> events(String agentId, String type) {
        return platform.jdbc().sql("""
                        SELECT payload, meta_data FROM domain_event_entry
                        WHERE aggregate_identifier = ? AND payload_type = ?""")
                .params(agentId, "dev.agentry.command.api." + type)
                .query((row, number) -> new StoredEvent(json(row.getBytes(1)), json(row.getBytes(2))))
                .list();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
