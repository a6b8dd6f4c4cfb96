package dev.agentry.infra.temporal.tools;

import dev.agentry.workflows.run.ToolActivities;
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
        return registry.invoke(toolName, argumentsJson, context);
    }
}
