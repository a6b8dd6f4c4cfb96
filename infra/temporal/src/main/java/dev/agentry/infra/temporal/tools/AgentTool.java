package dev.agentry.infra.temporal.tools;

import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;

/**
 * A tool agents may be allowed to call. Every Spring bean implementing it is offered under its name.
 * A tool answers what it could not do as an error outcome the model reads; it throws only for a failure a
 * retry may cure, which Temporal then retries.
 */
public interface AgentTool {

    /** Unique among tools, as agents list it and the model calls it, e.g. {@code current_time}. */
    String name();

    /** For the model: what the tool does and when to use it. */
    String description();

    /** The JSON schema of the arguments, an object schema written out in full. */
    String inputSchema();

    /** @param argumentsJson the arguments as the model produced them; not validated against the schema */
    ToolOutcome invoke(String argumentsJson, ToolContext context);

    /**
     * For a tool with effects outside, which must have them once per call: also told whether an earlier
     * attempt of this very call ran and may have had them before it failed (its worker died, its answer was lost).
     */
    default ToolOutcome invoke(String argumentsJson, ToolContext context, boolean earlierAttemptMayHaveActed) {
        return invoke(argumentsJson, context);
    }
}
