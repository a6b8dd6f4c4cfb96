package dev.agentry.infra.mcp.agent;

import java.time.Instant;
import dev.agentry.query.api.AgentView;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.UpdateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

@Component
class UpdateAgentTool implements McpTool<UpdateAgentTool.Request> {

    /** agent_id and at least one setting */
    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("agent_id", AgentIdArgument.AGENT_ID)
            .including(AgentSettingsArguments.properties())
            .with("minProperties", 2)
            .with("description", "agent_id and at least one setting to change")
            .build();

    record Request(String agentId, AgentSettingsChange change) {
    }

    private final CommandSender commands;
    private final OwnedAgents agents;
    private final SlackToolsNeedAConnection slackTools;

    UpdateAgentTool(CommandSender commands, OwnedAgents agents, SlackToolsNeedAConnection slackTools) {
        this.commands = commands;
        this.agents = agents;
        this.slackTools = slackTools;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("update_agent", "Change an agent",
                "Changes the given settings of one of your agents and keeps the others. "
                        + "null clears model, schedule or max_consecutive_failures. A RUNNING agent picks the change up at once.",
                INPUT_SCHEMA, AgentAnswer.SCHEMA, ToolHints.CHANGES_IDEMPOTENTLY);
    }

    @Override
    public Request bind(ToolArguments arguments) {
        String agentId = arguments.as("agent_id", String.class);
        return new Request(agentId, arguments.without("agent_id").as(AgentSettingsArguments.class).toChange(arguments));
    }

    @Override
    public AgentAnswer execute(Caller caller, Request request) {
        AgentView before = agents.find(caller, request.agentId());
        slackTools.check(caller, request.change().tools());
        commands.send(new UpdateAgent(request.agentId(), caller.userId(), request.change()), caller,
                OwnedAgents.subject(request.agentId()));
        return agents.afterChange(caller, request.agentId(), () -> AgentAnswer.of(before)
                .withSettings(request.change().applyTo(AgentAnswer.settingsOf(before)), Instant.now()));
    }
}
