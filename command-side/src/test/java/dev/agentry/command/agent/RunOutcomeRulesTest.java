package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.RecordAgentFailure;
import dev.agentry.command.api.RecordAgentRun;
import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RunTrigger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.RunReports.AGENT;
import static dev.agentry.command.agent.RunReports.FINISHED;
import static dev.agentry.command.agent.RunReports.FIRE;
import static dev.agentry.command.agent.RunReports.STARTED;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;

/** A run report without what the run history is ordered and grouped by is refused, and records nothing. */
class RunOutcomeRulesTest {

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void aReportWithoutARunIdIsRefused() {
        whenRunning(run(null, RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, 1, 1))
                .expectException(rejected(INVALID_ARGUMENT, "run_id is required"));
    }

    @Test
    void aReportWithoutATriggerIsRefused() {
        whenRunning(run("run-1", null, FIRE, STARTED, FINISHED, 1, 1))
                .expectException(rejected(INVALID_ARGUMENT, "trigger is required: SCHEDULE, MANUAL or CATCH_UP"));
    }

    @Test
    void aScheduledRunMustSayWhichFireItBelongsTo() {
        whenRunning(run("run-1", RunTrigger.CATCH_UP, null, STARTED, FINISHED, 1, 1))
                .expectException(rejected(INVALID_ARGUMENT,
                        "scheduled_at is required for a CATCH_UP run: the fire time it belongs to"));
    }

    @Test
    void aManualRunNeedsNoFireTime() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(run("run-1", RunTrigger.MANUAL, null, STARTED, FINISHED, 0, 0))
                .expectEvents(new AgentRan(AGENT, "run-1", RunTrigger.MANUAL, null, STARTED, FINISHED, "m", 0, 0,
                        null, null));
    }

    @Test
    void aRunReportNeedsItsStartAndEnd() {
        whenRunning(run("run-1", RunTrigger.SCHEDULE, FIRE, STARTED, null, 1, 1))
                .expectException(rejected(INVALID_ARGUMENT, "started_at and finished_at are required"));
    }

    @Test
    void tokenCountsCannotBeNegative() {
        whenRunning(run("run-1", RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, 5, -1))
                .expectException(rejected(INVALID_ARGUMENT, "input_tokens and output_tokens must not be negative"));
    }

    @Test
    void aFailureMustSayWhatKindOfErrorItWas() {
        whenRunning(new RecordAgentFailure(AGENT, "run-1", RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, null,
                " ", "boom", 0, 0, null))
                .expectException(rejected(INVALID_ARGUMENT, "error_kind is required, e.g. RATE_LIMITED or TIMEOUT"));
    }

    @Test
    void aFailureBeforeAnyModelWasChosenIsRecorded() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new RecordAgentFailure(AGENT, "run-1", RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, null,
                        "INVALID_REQUEST", "no model serves tier deep", 0, 0, null))
                .expectEvents(new AgentFailed(AGENT, "run-1", RunTrigger.SCHEDULE, FIRE, STARTED, FINISHED, null,
                        "INVALID_REQUEST", "no model serves tier deep", 0, 0, null));
    }

    @Test
    void aSkipMustSayWhy() {
        whenRunning(new RecordAgentRunSkipped(AGENT, "run-1", RunTrigger.SCHEDULE, FIRE, ""))
                .expectException(rejected(INVALID_ARGUMENT, "reason is required, e.g. OVERLAP"));
    }

    @Test
    void aSkipMustSayWhenEvenForAManualRun() {
        whenRunning(new RecordAgentRunSkipped(AGENT, "run-1", RunTrigger.MANUAL, null, "OVERLAP"))
                .expectException(rejected(INVALID_ARGUMENT,
                        "scheduled_at is required: the time of the fire or request that was skipped"));
    }

    @Test
    void aManualRequestThatCouldNotRunIsRecordedAsSkipped() {
        fixture.given(created(), new AgentStarted(AGENT))
                .when(new RecordAgentRunSkipped(AGENT, "run-1", RunTrigger.MANUAL, FIRE, "OVERLAP"))
                .expectEvents(new AgentRunSkipped(AGENT, "run-1", RunTrigger.MANUAL, FIRE, "OVERLAP"));
    }

    private ResultValidator<Agent> whenRunning(Object command) {
        return fixture.given(created(), new AgentStarted(AGENT)).when(command).expectNoEvents();
    }

    private static RecordAgentRun run(String runId, RunTrigger trigger, Instant scheduledAt,
                                      Instant startedAt, Instant finishedAt,
                                      long inputTokens, long outputTokens) {
        return new RecordAgentRun(AGENT, runId, trigger, scheduledAt, startedAt, finishedAt, "m", inputTokens,
                outputTokens, null, null);
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, "user-owner", settings().build());
    }
}
