package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.AgentView;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.Map;

@Component
class StopAgentTool implements McpTool<String> {

    private final CommandSender commands;
    private final OwnedAgents agents;

    StopAgentTool(CommandSender commands, OwnedAgents agents) {
        this.commands = commands;
        this.agents = agents;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpSchema.Tool.builder()
                .name("stop_agent")
                .title("Stop an agent")
                .description("Sets one of your agents STOPPED: it runs on its schedule no more. "
                        + "Stopping a stopped agent changes nothing.")
                .inputSchema(McpJsonDefaults.getMapper(), AgentIdArgument.INPUT_SCHEMA)
                .outputSchema(McpJsonDefaults.getMapper(), AgentJson.SCHEMA)
                .annotations(new McpSchema.ToolAnnotations("Stop an agent", false, false, true, false, null))
                .build();
    }

    @Override
    public String parse(ToolArguments arguments) {
        return AgentIdArgument.parse(arguments);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String agentId) {
        AgentView agent = agents.find(caller, agentId);
        if (agent.status() == AgentStatus.STOPPED) {
            return AgentJson.of(agent);
        }
        commands.send(new StopAgent(agentId, caller.userId()), caller, OwnedAgents.subject(agentId));
        return AgentJson.of(agents.afterChange(caller, agentId));
    }
}
