package dev.agentry.infra.mcp.agent;

import java.time.Instant;
import dev.agentry.command.api.AgentStatus;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AgentView;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.function.BiFunction;

/**
 * A tool that moves one of the caller's agents to a status and answers the agent as it is afterwards.
 * An agent already in that status is answered as it is, and no command is sent.
 */
abstract class AgentStatusSwitchTool implements McpTool<String> {

    private final CommandSender commands;
    private final OwnedAgents agents;
    private final AgentStatus target;
    /** (agent id, requesting user id) to the command that moves the agent to the target status */
    private final BiFunction<String, String, Object> command;

    AgentStatusSwitchTool(CommandSender commands, OwnedAgents agents, AgentStatus target,
                          BiFunction<String, String, Object> command) {
        this.commands = commands;
        this.agents = agents;
        this.target = target;
        this.command = command;
    }

    abstract String name();

    abstract String title();

    abstract String description();

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of(name(), title(), description(),
                AgentIdArgument.INPUT_SCHEMA, AgentAnswer.SCHEMA, ToolHints.CHANGES_IDEMPOTENTLY);
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.class).agentId();
    }

    @Override
    public AgentAnswer execute(Caller caller, String agentId) {
        AgentView agent = agents.find(caller, agentId);
        if (agent.status() == target) {
            return AgentAnswer.of(agent);
        }
        commands.send(command.apply(agentId, caller.userId()), caller, OwnedAgents.subject(agentId));
        return agents.afterChange(caller, agentId, () -> AgentAnswer.of(agent).withStatus(target, Instant.now()));
    }
}
