package dev.agentry.infra.mcp.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AgentHistory;
import dev.agentry.query.api.AgentHistoryEntry;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Component
class AgentHistoryTool implements McpTool<AgentIdArgument.WithLimit> {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final JsonSchema INPUT_SCHEMA = AgentIdArgument.WithLimit.schema(DEFAULT_LIMIT, MAX_LIMIT,
            "the latest this many events, listed oldest first");

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("events", JsonSchema.arrayOf(JsonSchema.object()
                    .required("type", JsonSchema.string().description("the event name, e.g. AgentStarted"))
                    .required("at", JsonSchema.dateTime())
                    .required("actor", JsonSchema.string()
                            .description("a user name, or system:reconciliation / system:scheduler"))
                    .optional("reason", JsonSchema.string())
                    .required("details", JsonSchema.object().build().with("additionalProperties", true))
                    .build()))
            .build();

    record History(List<Event> events) {
    }

    record Event(String type, Instant at, String actor, @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                 Map<String, Object> details) {
    }

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
    public AgentIdArgument.WithLimit bind(ToolArguments arguments) {
        return arguments.as(AgentIdArgument.WithLimit.class);
    }

    @Override
    public History execute(Caller caller, AgentIdArgument.WithLimit request) {
        agents.find(caller, request.agentId());
        List<AgentHistoryEntry> entries = queries.findAll(
                new AgentHistory(request.agentId(), caller.userId(), request.limitOr(DEFAULT_LIMIT)), AgentHistoryEntry.class);
        return new History(entries.stream().map(this::event).toList());
    }

    private Event event(AgentHistoryEntry entry) {
        // plain JSON values only: the details may hold instants, enums or records
        return new Event(entry.type(), entry.at(), entry.actor(), entry.reason(),
                entry.details() == null ? Map.of() : objectMapper.convertValue(entry.details(), JSON_OBJECT));
    }
}
