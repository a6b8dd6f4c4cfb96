package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.Map;

@Component
class GetAgentTool implements McpTool<String> {

    private final OwnedAgents agents;

    GetAgentTool(OwnedAgents agents) {
        this.agents = agents;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("get_agent", "Show an agent",
                "One of your agents: its settings, status, next run and last run.",
                AgentIdArgument.INPUT_SCHEMA, AgentJson.SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public String parse(ToolArguments arguments) {
        return AgentIdArgument.parse(arguments);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String agentId) {
        return AgentJson.of(agents.find(caller, agentId));
    }
}
