package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

@Component
class DeleteAgentTool implements McpTool<String> {

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "agent_id": {"type": "string"},
                "status": {"type": "string", "const": "DELETED"}
              },
              "required": ["agent_id", "status"],
              "additionalProperties": false
            }""";

    private final CommandSender commands;
    private final OwnedAgents agents;
    private final ReadModelQueries queries;

    DeleteAgentTool(CommandSender commands, OwnedAgents agents, ReadModelQueries queries) {
        this.commands = commands;
        this.agents = agents;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("delete_agent", "Delete an agent",
                "Deletes one of your agents for good, scheduled runs included. "
                        + "Afterwards every tool answers not_found for it.",
                AgentIdArgument.INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.DELETES);
    }

    @Override
    public String parse(ToolArguments arguments) {
        return AgentIdArgument.parse(arguments);
    }

    @Override
    public Map<String, Object> execute(Caller caller, String agentId) {
        agents.find(caller, agentId);
        commands.send(new DeleteAgent(agentId, caller.userId()), caller, OwnedAgents.subject(agentId));
        queries.awaitOwnWrites();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agent_id", agentId);
        result.put("status", AgentStatus.DELETED.name());
        return result;
    }
}
