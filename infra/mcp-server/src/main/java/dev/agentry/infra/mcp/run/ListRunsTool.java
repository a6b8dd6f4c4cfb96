package dev.agentry.infra.mcp.run;

import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.agent.AgentIdArgument;
import dev.agentry.infra.mcp.agent.OwnedAgents;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.ListRuns;
import dev.agentry.query.api.RunView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class ListRunsTool implements McpTool<AgentIdArgument.WithLimit> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;

    private static final JsonSchema INPUT_SCHEMA =
            AgentIdArgument.WithLimit.schema(DEFAULT_LIMIT, MAX_LIMIT, "at most this many runs, the newest first");

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("runs", JsonSchema.arrayOf(RunSummary.properties().build()))
            .build();

    record Runs(List<RunSummary> runs) {
    }

    private final OwnedAgents agents;
    private final ReadModelQueries queries;

    ListRunsTool(OwnedAgents agents, ReadModelQueries queries) {
        this.agents = agents;
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("list_runs", "List an agent's runs",
                "The runs of one of your agents, newest first: scheduled, manual and catch-up runs, "
                        + "with their outcome (RUNNING while a manual run has none yet), model and token usage.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public AgentIdArgument.WithLimit bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.WithLimit.class);
    }

    @Override
    public Runs execute(Caller caller, AgentIdArgument.WithLimit request) {
        agents.find(caller, request.agentId());
        return new Runs(queries.findAll(new ListRuns(request.agentId(), caller.userId(), request.limitOr(DEFAULT_LIMIT)),
                RunView.class).stream().map(RunSummary::of).toList());
    }
}
