package dev.agentry.workflows;

import dev.agentry.workflows.run.AgentRunWorkflowImpl;
import dev.agentry.workflows.schedule.AgentScheduleWorkflowImpl;

import java.util.List;

/** Every workflow implementation the platform's worker runs, on task queue {@code agentry-agents}. */
public final class WorkflowImplementations {

    public static final List<Class<?>> ALL = List.of(AgentScheduleWorkflowImpl.class, AgentRunWorkflowImpl.class);

    private WorkflowImplementations() {
    }
}
