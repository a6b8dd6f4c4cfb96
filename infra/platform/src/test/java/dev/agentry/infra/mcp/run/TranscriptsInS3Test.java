package dev.agentry.infra.mcp.run;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.command.api.CreateUser;
import dev.agentry.command.api.OverlapPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.command.api.Schedule;
import dev.agentry.infra.blob.LocalS3Server;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.llm.ContentPart;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.TokenUsage;
import dev.agentry.workflows.run.RunTranscript;
import dev.agentry.workflows.run.RunTranscripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code agentry.transcripts.s3.*} set, a transcript stored by one platform instance is what {@code get_run}
 * shows on another instance of the same database, which has its own home folder and never saw the run.
 */
class TranscriptsInS3Test {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final Instant FIRE = Instant.parse("2026-11-26T08:00:00Z");
    // the AWS default credentials chain reads these first, as it reads IRSA's web identity on EKS
    private static final Map<String, String> CREDENTIALS = Map.of(
            "aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE", "aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static final Map<String, String> previousSettings = new HashMap<>();

    @TempDir
    static Path firstHome;
    @TempDir
    static Path secondHome;
    private static PostgresTestDatabase database;
    private static LocalS3Server s3;

    @BeforeAll
    static void startTheBucket() {
        CREDENTIALS.forEach((name, value) -> {
            previousSettings.put(name, System.getProperty(name));
            System.setProperty(name, value);
        });
        database = PostgresTestDatabase.create();
        s3 = LocalS3Server.start("agentry-runs");
    }

    @AfterAll
    static void stopTheBucket() {
        s3.close();
        database.close();
        previousSettings.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void aTranscriptStoredThroughOneInstanceIsShownByGetRunOnAnother() {
        String agentId = UUID.randomUUID().toString();
        String runId = "run-" + agentId + "-" + FIRE.getEpochSecond();
        String reference;
        try (RunningPlatform first = RunningPlatform.start(database, firstHome, s3Properties())) {
            first.send(new CreateUser(ALICE.userId(), ALICE.username(), Role.USER), "user-admin", "admin");
            first.send(new CreateAgent(agentId, ALICE.userId(), new AgentSettings("reporter", "Tell the time.",
                    ReasoningTier.STANDARD, null, new Schedule("*/5 * * * *", "Europe/Berlin"), List.of("current_time"),
                    OverlapPolicy.SKIP, CatchUpPolicy.SKIP, null)), ALICE.userId(), ALICE.username());
            reference = first.bean(RunTranscripts.class).store(new RunTranscript(agentId, runId, "claude-sonnet", FIRE,
                    FIRE.plusSeconds(7), "Tell the time.", List.of(), List.of(
                            ConversationMessage.user("What time is it?"),
                            ConversationMessage.assistant(List.of(new ContentPart.ToolCall("call-1", "current_time", "{}"))),
                            ConversationMessage.user(List.of(new ContentPart.ToolResult("call-1", "09:00", false))),
                            ConversationMessage.assistant(List.of(new ContentPart.Text("It is 09:00.")))),
                    "It is 09:00.", null, null, new TokenUsage(120, 30)));
            first.send(new RecordAgentRun(agentId, runId, RunTrigger.SCHEDULE, FIRE, FIRE, FIRE.plusSeconds(7),
                    "claude-sonnet", 120, 30, "It is 09:00.", reference), "system:scheduler", "system:scheduler");
        }

        Map<String, Object> run;
        try (RunningPlatform second = RunningPlatform.start(database, secondHome, s3Properties())) {
            GetRunTool getRun = second.bean(GetRunTool.class);
            run = structured(getRun, ToolCalls.call(getRun, ALICE, Map.of("run_id", runId)));
        }

        assertThat(reference).isEqualTo("s3://agentry-runs/agentry/transcripts/" + runId + ".json");
        assertThat(s3.object("agentry/transcripts/" + runId + ".json")).isPresent();
        assertThat(firstHome.resolve("transcripts")).doesNotExist();
        assertThat(run).containsEntry("run_id", runId).containsEntry("outcome", "SUCCEEDED").containsEntry("summary", "It is 09:00.");
        @SuppressWarnings("unchecked")
        Map<String, Object> transcript = (Map<String, Object>) run.get("transcript");
        assertThat(transcript).containsEntry("model", "claude-sonnet").containsEntry("final_answer", "It is 09:00.")
                .containsEntry("instructions", "Tell the time.");
        assertThat(transcript.get("messages").toString())
                .contains("What time is it?", "current_time", "09:00", "It is 09:00.");
        assertThat(s3.requests()).extracting(LocalS3Server.Request::method).containsExactly("PUT", "GET");
    }

    private static String[] s3Properties() {
        return new String[] {
                "agentry.transcripts.s3.bucket=agentry-runs",
                "agentry.transcripts.s3.prefix=agentry/transcripts",
                "agentry.transcripts.s3.region=us-east-1",
                "agentry.transcripts.s3.endpoint=" + s3.endpoint()};
    }
}
