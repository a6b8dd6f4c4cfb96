package dev.agentry.infra.temporal.run;

import dev.agentry.command.api.RecordAgentRunSkipped;
import dev.agentry.command.api.RunTrigger;
import dev.agentry.workflows.schedule.AgentScheduleWorkflow;
import dev.agentry.workflows.schedule.ScheduleActivities;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records a run the schedule skipped because another run of the agent was still going. */
@Component
class ScheduleActivitiesImpl implements ScheduleActivities {

    static final String OVERLAP = "OVERLAP";

    private final SchedulerCommands commands;

    ScheduleActivitiesImpl(SchedulerCommands commands) {
        this.commands = commands;
    }

    @Override
    public void recordSkippedRun(String agentId, String runId, Instant scheduledAt) {
        commands.send(new RecordAgentRunSkipped(agentId, runId, triggerOf(agentId, runId, scheduledAt), scheduledAt,
                OVERLAP), agentId, runId);
    }

    /** Only a fire of the schedule carries the run id derived from its fire time; any other run was asked for. */
    static RunTrigger triggerOf(String agentId, String runId, Instant scheduledAt) {
        return scheduledAt != null && runId.equals(AgentScheduleWorkflow.scheduledRunId(agentId, scheduledAt))
                ? RunTrigger.SCHEDULE
                : RunTrigger.MANUAL;
    }
}
