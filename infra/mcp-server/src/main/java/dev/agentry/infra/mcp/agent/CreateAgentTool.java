package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.UUID;

@Component
class CreateAgentTool implements McpTool<AgentSettings> {

    private static final JsonSchema INPUT_SCHEMA = AgentSettingsArguments.properties()
            .requiring("name", "instructions")
            .build();

    private final CommandSender commands;
    private final OwnedAgents agents;
    private final SlackToolsNeedAConnection slackTools;

    CreateAgentTool(CommandSender commands, OwnedAgents agents, SlackToolsNeedAConnection slackTools) {
        this.commands = commands;
        this.agents = agents;
        this.slackTools = slackTools;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("create_agent", "Create an agent",
                "Creates an agent owned by you, STOPPED until start_agent. Defaults: tier standard, "
                        + "no schedule (manual runs only), overlap skip, catch_up skip.",
                INPUT_SCHEMA, AgentAnswer.SCHEMA, ToolHints.CREATES);
    }

    @Override
    public AgentSettings bind(ToolArguments arguments) {
        return arguments.as(AgentSettingsArguments.class).toNewSettings();
    }

    @Override
    public AgentAnswer execute(Caller caller, AgentSettings settings) {
        slackTools.check(caller, settings.tools());
        String agentId = UUID.randomUUID().toString();
        commands.send(new CreateAgent(agentId, caller.userId(), settings), caller, OwnedAgents.subject(agentId));
        return AgentAnswer.of(agents.afterChange(caller, agentId));
    }
}
