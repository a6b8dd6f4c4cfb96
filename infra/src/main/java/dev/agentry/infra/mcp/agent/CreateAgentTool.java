package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

@Component
class CreateAgentTool implements McpTool<AgentSettings> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
            %s
              },
              "required": ["name", "instructions"],
              "additionalProperties": false
            }""".formatted(AgentSettingsArguments.SCHEMA_PROPERTIES);

    private final CommandSender commands;
    private final OwnedAgents agents;

    CreateAgentTool(CommandSender commands, OwnedAgents agents) {
        this.commands = commands;
        this.agents = agents;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("create_agent", "Create an agent",
                "Creates an agent owned by you, STOPPED until start_agent. Defaults: tier standard, "
                        + "no schedule (manual runs only), overlap skip, catch_up skip.",
                INPUT_SCHEMA, AgentJson.SCHEMA, ToolHints.CREATES);
    }

    @Override
    public AgentSettings parse(ToolArguments arguments) {
        return AgentSettingsArguments.parseNew(arguments);
    }

    @Override
    public Map<String, Object> execute(Caller caller, AgentSettings settings) {
        String agentId = UUID.randomUUID().toString();
        commands.send(new CreateAgent(agentId, caller.userId(), settings), caller, OwnedAgents.subject(agentId));
        return AgentJson.of(agents.afterChange(caller, agentId));
    }
}
