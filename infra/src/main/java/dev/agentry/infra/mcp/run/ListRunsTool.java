package dev.agentry.infra.mcp.run;

import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.agent.AgentIdArgument;
import dev.agentry.infra.mcp.agent.OwnedAgents;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.ListRuns;
import dev.agentry.query.api.RunView;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

@Component
class ListRunsTool implements McpTool<AgentIdArgument.WithLimit> {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 500;

    private static final String INPUT_SCHEMA =
            AgentIdArgument.withLimitSchema(DEFAULT_LIMIT, MAX_LIMIT, "at most this many runs, the newest first");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "runs": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
            %s
                    },
                    "required": [%s],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["runs"],
              "additionalProperties": false
            }""".formatted(RunJson.PROPERTIES, RunJson.REQUIRED);

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
    public AgentIdArgument.WithLimit parse(ToolArguments arguments) {
        return AgentIdArgument.parseWithLimit(arguments, DEFAULT_LIMIT, MAX_LIMIT);
    }

    @Override
    public Map<String, Object> execute(Caller caller, AgentIdArgument.WithLimit request) {
        agents.find(caller, request.agentId());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("runs", queries.findAll(new ListRuns(request.agentId(), caller.userId(), request.limit()), RunView.class)
                .stream().map(RunJson::summary).toList());
        return result;
    }
}
