package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.json.McpJsonDefaults;
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
        return McpSchema.Tool.builder()
                .name("get_agent")
                .title("Show an agent")
                .description("One of your agents: its settings, status, next run and last run.")
                .inputSchema(McpJsonDefaults.getMapper(), AgentIdArgument.INPUT_SCHEMA)
                .outputSchema(McpJsonDefaults.getMapper(), AgentJson.SCHEMA)
                .annotations(new McpSchema.ToolAnnotations("Show an agent", true, false, true, false, null))
                .build();
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
