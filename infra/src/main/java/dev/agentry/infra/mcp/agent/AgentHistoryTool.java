package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Component
class AgentHistoryTool implements McpTool<AgentIdArgument.WithLimit> {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final String INPUT_SCHEMA =
            AgentIdArgument.withLimitSchema(DEFAULT_LIMIT, MAX_LIMIT, "the latest this many events, listed oldest first");

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "events": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "type": {"type": "string", "description": "the event name, e.g. AgentStarted"},
                      "at": {"type": "string", "format": "date-time"},
                      "actor": {"type": "string", "description": "a user name, or system:reconciliation / system:scheduler"},
                      "reason": {"type": "string"},
                      "details": {"type": "object"}
                    },
                    "required": ["type", "at", "actor", "details"],
                    "additionalProperties": false
                  }
                }
              },
              "required": ["events"],
              "additionalProperties": false
            }""";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final OwnedAgents agents;
    private final ReadModelQueries queries;
    private final ObjectMapper objectMapper;

    AgentHistoryTool(OwnedAgents agents, ReadModelQueries queries, ObjectMapper objectMapper) {
        this.agents = agents;
        this.queries = queries;
        this.objectMapper = objectMapper;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("agent_history", "Show an agent's history",
                "The latest lifecycle events of one of your agents, oldest first: "
                        + "who created, changed, started or stopped it, its runs and the platform's repairs.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public AgentIdArgument.WithLimit parse(ToolArguments arguments) {
        return AgentIdArgument.parseWithLimit(arguments, DEFAULT_LIMIT, MAX_LIMIT);
    }

    @Override
    public Map<String, Object> execute(Caller caller, AgentIdArgument.WithLimit request) {
        agents.find(caller, request.agentId());
        List<AgentHistoryEntry> entries = queries.findAll(
                new AgentHistory(request.agentId(), caller.userId(), request.limit()), AgentHistoryEntry.class);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", entries.stream().map(this::event).toList());
        return result;
    }

    private Map<String, Object> event(AgentHistoryEntry entry) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", entry.type());
        event.put("at", AgentJson.instant(entry.at()));
        event.put("actor", entry.actor());
        if (entry.reason() != null) {
            event.put("reason", entry.reason());
        }
        // plain JSON values only: the details may hold instants, enums or records
        event.put("details", entry.details() == null ? Map.of() : objectMapper.convertValue(entry.details(), JSON_OBJECT));
        return event;
    }
}
