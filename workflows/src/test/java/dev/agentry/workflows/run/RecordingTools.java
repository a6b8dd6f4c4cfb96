package dev.agentry.workflows.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Tools that answer with a fixed function of their arguments, or fail, and note every invocation. */
final class RecordingTools implements ToolActivities {

    record Invocation(String toolName, String argumentsJson, ToolContext context) {
    }

    private final Map<String, Function<String, ToolOutcome>> tools = new ConcurrentHashMap<>();
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();

    RecordingTools with(String name, Function<String, ToolOutcome> behaviour) {
        tools.put(name, behaviour);
        return this;
    }

    List<Invocation> invocations() {
        return List.copyOf(invocations);
    }

    @Override
    public ToolOutcome invoke(String toolName, String argumentsJson, ToolContext context) {
        invocations.add(new Invocation(toolName, argumentsJson, context));
        Function<String, ToolOutcome> tool = tools.get(toolName);
        if (tool == null) {
            throw new IllegalStateException("the workflow invoked a tool this platform does not have: " + toolName);
        }
        return tool.apply(argumentsJson);
    }
}
