package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.ListAgents;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

@Component
class ListAgentsTool implements McpTool<Optional<AgentStatus>> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "status": {"type": "string", "enum": ["STOPPED", "RUNNING", "DELETED"],
                           "description": "only agents in this status; without it, every agent that is not DELETED"}
              },
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "agents": {"type": "array", "items": %s}
              },
              "required": ["agents"],
              "additionalProperties": false
            }""".formatted(AgentJson.SCHEMA);

    private static final Map<String, AgentStatus> STATUSES = ToolArguments.upperCaseChoices(AgentStatus.class);

    private final ReadModelQueries queries;

    ListAgentsTool(ReadModelQueries queries) {
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("list_agents", "List your agents",
                "Your agents, every one that is not DELETED unless a status is given.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public Optional<AgentStatus> parse(ToolArguments arguments) {
        return arguments.optionalChoice("status", STATUSES);
    }

    @Override
    public Map<String, Object> execute(Caller caller, Optional<AgentStatus> status) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agents", queries.findAll(new ListAgents(caller.userId(), status.orElse(null)), AgentView.class)
                .stream().map(AgentJson::of).toList());
        return result;
    }
}
