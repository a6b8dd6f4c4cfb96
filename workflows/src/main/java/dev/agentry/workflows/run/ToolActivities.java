package dev.agentry.workflows.run;

import io.temporal.activity.ActivityInterface;

/**
 * Runs one tool call the model asked for. A tool that cannot do what was asked answers an error outcome
 * for the model to read; only a failure a retry may cure (e.g. a service briefly unreachable) is thrown.
 */
@ActivityInterface(namePrefix = "Tool")
public interface ToolActivities {

    /** @param argumentsJson the arguments as the model produced them, a JSON object */
    ToolOutcome invoke(String toolName, String argumentsJson, ToolContext context);
}
