package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;


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
                AgentIdArgument.INPUT_SCHEMA, AgentAnswer.SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.class).agentId();
    }

    @Override
    public AgentAnswer execute(Caller caller, String agentId) {
        return AgentAnswer.of(agents.find(caller, agentId));
    }
}
