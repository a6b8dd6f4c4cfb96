package dev.agentry.infra.temporal.tools;

import dev.agentry.workflows.llm.ToolDefinition;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The tools of this platform, by name. */
@Component
public class ToolRegistry {

    private final Map<String, AgentTool> tools = new TreeMap<>();

    public ToolRegistry(Collection<AgentTool> tools) {
        for (AgentTool tool : tools) {
            AgentTool clash = this.tools.putIfAbsent(tool.name(), tool);
            if (clash != null) {
                throw new IllegalStateException("two tools are named '%s': %s and %s"
                        .formatted(tool.name(), clash.getClass().getName(), tool.getClass().getName()));
            }
        }
    }

    /** The definitions to offer the model: those of the allowed names this platform has, in the order allowed. */
    public List<ToolDefinition> definitionsOf(List<String> allowedNames) {
        return allowedNames.stream()
                .map(tools::get)
                .filter(tool -> tool != null)
                .map(tool -> new ToolDefinition(tool.name(), tool.description(), tool.inputSchema()))
                .toList();
    }

    public Optional<AgentTool> find(String name) {
        return Optional.ofNullable(tools.get(name));
    }

    /** An unknown name answers an error outcome for the model, not an exception. */
    public ToolOutcome invoke(String name, String argumentsJson, ToolContext context) {
        return invoke(name, argumentsJson, context, false);
    }

    /** @param retried whether an earlier attempt of this call ran (see {@link AgentTool#invoke(String, ToolContext, boolean)}) */
    public ToolOutcome invoke(String name, String argumentsJson, ToolContext context, boolean retried) {
        return find(name)
                .map(tool -> tool.invoke(argumentsJson, context, retried))
                .orElseGet(() -> ToolOutcome.error("there is no tool named '%s'".formatted(name)));
    }
}
