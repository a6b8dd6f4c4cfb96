package dev.agentry.command.agent;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.AgentSettingsChange.Field;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.CatchUpPolicy;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopAgent;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UpdateAgent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.agent.SettingsBuilder.settings;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;

class AgentUpdateTest {

    private static final String AGENT = "agent-1";
    private static final String OWNER = "user-owner";
    private static final AgentSettings SETTINGS = settings().model("claude-sonnet").build();

    private AggregateTestFixture<Agent> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Agent.class);
    }

    @Test
    void renamingAnAgentRecordsTheCompleteSettingsAfterTheChange() {
        fixture.given(created())
                .when(update(change().name("Weekly digest")))
                .expectEvents(new AgentReconfigured(AGENT, settings().model("claude-sonnet").name("Weekly digest")
                        .build()));
    }

    @Test
    void changingSeveralFieldsKeepsTheOthers() {
        fixture.given(created())
                .when(update(change().tier(ReasoningTier.DEEP).catchUp(CatchUpPolicy.RUN_ONCE)
                        .schedule(new Schedule("*/30 * * * *", "UTC"))))
                .expectEvents(new AgentReconfigured(AGENT, settings().model("claude-sonnet").tier(ReasoningTier.DEEP)
                        .catchUp(CatchUpPolicy.RUN_ONCE).schedule("*/30 * * * *", "UTC").build()));
    }

    @Test
    void clearingTheScheduleLeavesAnAgentThatRunsOnlyOnDemand() {
        fixture.given(created())
                .when(update(change().clear(Field.SCHEDULE)))
                .expectEvents(new AgentReconfigured(AGENT, settings().model("claude-sonnet").schedule(null).build()));
    }

    @Test
    void clearingTheModelAndTheFailureLimitSetsThemToNothing() {
        fixture.given(created())
                .when(update(change().clear(Field.MODEL, Field.MAX_CONSECUTIVE_FAILURES)))
                .expectEvents(new AgentReconfigured(AGENT, settings().maxConsecutiveFailures(null).build()));
    }

    @Test
    void anEmptyToolListRemovesAllTools() {
        fixture.given(created())
                .when(update(change().tools(List.of())))
                .expectEvents(new AgentReconfigured(AGENT, settings().model("claude-sonnet").tools(List.of())
                        .build()));
    }

    @Test
    void anUpdateWithNothingInItChangesNothing() {
        fixture.given(created())
                .when(update(change()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anUpdateRepeatingTheCurrentValuesChangesNothing() {
        fixture.given(created())
                .when(update(change().name("Daily digest").tier(ReasoningTier.STANDARD).model("claude-sonnet")
                        .schedule(new Schedule("0 9 * * 1-5", "Europe/Berlin")).maxConsecutiveFailures(3)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNameDifferingOnlyInSurroundingSpacesChangesNothing() {
        fixture.given(created())
                .when(update(change().name("  Daily digest  ")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void clearingAFieldThatIsAlreadyEmptyChangesNothing() {
        fixture.given(new AgentCreated(AGENT, OWNER, settings().schedule(null).build()))
                .when(update(change().clear(Field.SCHEDULE, Field.MODEL)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updatingARunningAgentLeavesItRunning() {
        fixture.given(created(), new AgentStarted(AGENT),
                        new AgentReconfigured(AGENT, settings().name("Weekly digest").build()))
                .when(new StopAgent(AGENT, OWNER))
                .expectEvents(new AgentStopped(AGENT, StopReason.USER));
    }

    @Test
    void anUpdateThatWouldBreakARuleIsRejected() {
        fixture.given(created())
                .when(update(change().name("   ")))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "name must not be blank"));
    }

    @Test
    void anUpdateToANeverFiringScheduleIsRejected() {
        fixture.given(created())
                .when(update(change().schedule(new Schedule("0 0 31 2 *", "UTC"))))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT,
                        "cron '0 0 31 2 *' never fires: no date matches it (such as 30 February)"));
    }

    @Test
    void settingAndClearingTheModelInOneUpdateIsRejected() {
        fixture.given(created())
                .when(update(change().model("gpt-5").clear(Field.MODEL)))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "model cannot be set and cleared in the same update"));
    }

    @Test
    void settingAndClearingTheScheduleInOneUpdateIsRejected() {
        fixture.given(created())
                .when(update(change().schedule(new Schedule("0 * * * *", "UTC")).clear(Field.SCHEDULE)))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT,
                        "schedule cannot be set and cleared in the same update"));
    }

    @Test
    void settingAndClearingTheFailureLimitInOneUpdateIsRejected() {
        fixture.given(created())
                .when(update(change().maxConsecutiveFailures(5).clear(Field.MAX_CONSECUTIVE_FAILURES)))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT,
                        "max_consecutive_failures cannot be set and cleared in the same update"));
    }

    @Test
    void anUpdateWithoutAChangeIsRejected() {
        fixture.given(created())
                .when(new UpdateAgent(AGENT, OWNER, null))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, "change is required"));
    }

    private static AgentCreated created() {
        return new AgentCreated(AGENT, OWNER, SETTINGS);
    }

    private static UpdateAgent update(ChangeBuilder change) {
        return new UpdateAgent(AGENT, OWNER, change.build());
    }

    private static ChangeBuilder change() {
        return new ChangeBuilder();
    }

    /** Sets only what a test names, as a caller of update_agent would. */
    private static final class ChangeBuilder {
        private String name;
        private ReasoningTier tier;
        private String model;
        private Schedule schedule;
        private List<String> tools;
        private CatchUpPolicy catchUp;
        private Integer maxConsecutiveFailures;
        private Set<Field> cleared = Set.of();

        ChangeBuilder name(String value) {
            name = value;
            return this;
        }

        ChangeBuilder tier(ReasoningTier value) {
            tier = value;
            return this;
        }

        ChangeBuilder model(String value) {
            model = value;
            return this;
        }

        ChangeBuilder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        ChangeBuilder tools(List<String> value) {
            tools = value;
            return this;
        }

        ChangeBuilder catchUp(CatchUpPolicy value) {
            catchUp = value;
            return this;
        }

        ChangeBuilder maxConsecutiveFailures(Integer value) {
            maxConsecutiveFailures = value;
            return this;
        }

        ChangeBuilder clear(Field... fields) {
            cleared = Set.of(fields);
            return this;
        }

        AgentSettingsChange build() {
            return new AgentSettingsChange(name, null, tier, model, schedule, tools, null, catchUp,
                    maxConsecutiveFailures, null, null, null, cleared);
        }
    }
}
