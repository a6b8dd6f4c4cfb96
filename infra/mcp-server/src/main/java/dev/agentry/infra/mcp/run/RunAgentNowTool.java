package dev.agentry.infra.mcp.run;

import dev.agentry.command.api.RequestAgentRun;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.agent.AgentIdArgument;
import dev.agentry.infra.mcp.agent.OwnedAgents;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.UUID;

@Component
class RunAgentNowTool implements McpTool<String> {

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("agent_id", JsonSchema.string())
            .required("run_id", JsonSchema.string().description("follow it with get_run or list_runs"))
            .build();

    record Started(String agentId, String runId) {
    }

    private final OwnedAgents agents;
    private final CommandSender commands;
    private final ReadModelQueries queries;

    RunAgentNowTool(OwnedAgents agents, CommandSender commands, ReadModelQueries queries) {
        this.agents = agents;
        this.commands = commands;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("run_agent_now", "Run an agent now",
                "Starts a run of one of your agents now, running or stopped, outside its schedule. "
                        + "A running agent's overlap policy applies: while another run is in progress this one is "
                        + "skipped or waits. Answers the run id at once; the run goes on in the background.",
                AgentIdArgument.INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.STARTS_WORK_OUTSIDE);
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.class).agentId();
    }

    @Override
    public Started execute(Caller caller, String agentId) {
        agents.find(caller, agentId);
        String runId = "run-" + agentId + "-manual-" + UUID.randomUUID();
        commands.send(new RequestAgentRun(agentId, caller.userId(), runId), caller, OwnedAgents.subject(agentId));
        // so that list_runs and get_run right after this show the run
        queries.awaitOwnWrite(agentId);
        return new Started(agentId, runId);
    }
}
