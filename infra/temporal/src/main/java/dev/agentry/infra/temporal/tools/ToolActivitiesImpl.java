package dev.agentry.infra.temporal.tools;

import dev.agentry.workflows.run.ToolActivities;
import io.temporal.activity.Activity;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

/** Runs the model's tool calls through the registry. */
@Component
class ToolActivitiesImpl implements ToolActivities {

    private final ToolRegistry registry;

    ToolActivitiesImpl(ToolRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ToolOutcome invoke(String toolName, String argumentsJson, ToolContext context) {
        boolean retried = Activity.getExecutionContext().getInfo().getAttempt() > 1;
        return registry.invoke(toolName, argumentsJson, context, retried);
    }
}
