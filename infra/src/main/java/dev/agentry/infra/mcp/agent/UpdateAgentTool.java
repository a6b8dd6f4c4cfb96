package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.UpdateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;

@Component
class UpdateAgentTool implements McpTool<UpdateAgentTool.Request> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
            %s,
            %s
              },
              "required": ["agent_id"],
              "minProperties": 2,
              "additionalProperties": false
            }""".formatted(OwnedAgents.AGENT_ID_SCHEMA, AgentSettingsArguments.SCHEMA_PROPERTIES);

    record Request(String agentId, AgentSettingsChange change) {
    }

    private final CommandSender commands;
    private final OwnedAgents agents;

    UpdateAgentTool(CommandSender commands, OwnedAgents agents) {
        this.commands = commands;
        this.agents = agents;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("update_agent", "Change an agent",
                "Changes the given settings of one of your agents and keeps the others. "
                        + "null clears model, schedule or max_consecutive_failures. A RUNNING agent picks the change up at once.",
                INPUT_SCHEMA, AgentJson.SCHEMA, ToolHints.CHANGES_IDEMPOTENTLY);
    }

    @Override
    public Request parse(ToolArguments arguments) {
        String agentId = arguments.requiredText("agent_id", OwnedAgents.MAX_AGENT_ID);
        AgentSettingsChange change = AgentSettingsArguments.parseChange(arguments);
        if (arguments.names().equals(Set.of("agent_id"))) {
            throw ToolFailure.invalidArgument("give at least one setting to change besides agent_id");
        }
        return new Request(agentId, change);
    }

    @Override
    public Map<String, Object> execute(Caller caller, Request request) {
        agents.find(caller, request.agentId());
        commands.send(new UpdateAgent(request.agentId(), caller.userId(), request.change()), caller,
                OwnedAgents.subject(request.agentId()));
        return AgentJson.of(agents.afterChange(caller, request.agentId()));
    }
}
