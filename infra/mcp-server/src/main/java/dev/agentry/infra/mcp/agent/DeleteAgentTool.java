package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.DeleteAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;


@Component
class DeleteAgentTool implements McpTool<String> {

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("agent_id", JsonSchema.string())
            .required("status", JsonSchema.string().with("const", AgentStatus.DELETED.name()))
            .build();

    record Deleted(String agentId, String status) {
    }

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
    public String bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.class).agentId();
    }

    @Override
    public Deleted execute(Caller caller, String agentId) {
        agents.find(caller, agentId);
        commands.send(new DeleteAgent(agentId, caller.userId()), caller, OwnedAgents.subject(agentId));
        queries.awaitOwnWrite(agentId);
        return new Deleted(agentId, AgentStatus.DELETED.name());
    }
}
