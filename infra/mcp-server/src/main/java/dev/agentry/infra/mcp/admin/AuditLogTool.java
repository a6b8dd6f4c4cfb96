package dev.agentry.infra.mcp.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.agent.AgentIdArgument;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AuditLog;
import dev.agentry.query.api.AuditLogEntry;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Who did what on the platform, newest first, a page at a time; never a token or any other secret. */
@Component
class AuditLogTool implements McpTool<AuditLog> {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_ACTOR = 100;
    static final int MAX_CURSOR = 200;
    private static final String TIME_EXAMPLE = "2026-12-01T09:00:00Z";

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .optional("since", JsonSchema.dateTime().description("only entries at or after this ISO-8601 time, e.g. " + TIME_EXAMPLE))
            .optional("until", JsonSchema.dateTime().description("only entries before this ISO-8601 time"))
            .optional("actor", JsonSchema.text(MAX_ACTOR)
                    .description("only what this user (name or id) or system:reconciliation / system:scheduler did"))
            .optional("agent_id", JsonSchema.text(AgentIdArgument.MAX_AGENT_ID).description("only entries about this agent"))
            .optional("type", JsonSchema.choice(AuditLog.TYPES).description("only entries of this event type"))
            .optional("limit", JsonSchema.integer(1, MAX_LIMIT).defaultValue(DEFAULT_LIMIT)
                    .description("at most this many entries per page"))
            .optional("cursor", JsonSchema.text(MAX_CURSOR).description("next_cursor of the previous page"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("entries", JsonSchema.arrayOf(JsonSchema.object()
                    .required("at", JsonSchema.dateTime())
                    .required("actor", JsonSchema.string()
                            .description("a user name, or system:reconciliation / system:scheduler"))
                    .required("type", JsonSchema.string().description("the event name, e.g. AgentStarted"))
                    .optional("agent_id", JsonSchema.string().description("the agent the entry is about"))
                    .optional("reason", JsonSchema.string().description("the event's reason, e.g. ORPHANED for a stop"))
                    .required("details", JsonSchema.object().build().with("additionalProperties", true))
                    .build()))
            .required("next_cursor", JsonSchema.string().nullable().description("null: this is the last page"))
            .build();

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    record Arguments(String since, String until, String actor, String agentId, String type, Integer limit,
                     String cursor) {
    }

    record Entry(Instant at, String actor, String type, @JsonInclude(JsonInclude.Include.NON_NULL) String agentId,
                 @JsonInclude(JsonInclude.Include.NON_NULL) String reason, Map<String, Object> details) {
    }

    record Page(List<Entry> entries, String nextCursor) {
    }

    private final ReadModelQueries queries;
    private final ObjectMapper objectMapper;

    AuditLogTool(ReadModelQueries queries, ObjectMapper objectMapper) {
        this.queries = queries;
        this.objectMapper = objectMapper;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("audit_log", "Read the audit log",
                "Admin: who did what, newest first: agents created, changed, started, stopped, deleted and run; "
                        + "users created, tokens issued and revoked, Slack workspaces connected and disconnected, "
                        + "catalogue models registered, enabled and disabled, and reconciliation's repairs. "
                        + "Filter by time, actor, agent or type; page with next_cursor. Never a token or secret.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public AuditLog bind(ToolArguments arguments) {
        Arguments given = arguments.as(Arguments.class);
        Instant since = time("since", given.since());
        Instant until = time("until", given.until());
        if (since != null && until != null && !since.isBefore(until)) {
            throw ToolFailure.invalidArgument("since (" + given.since() + ") must be before until (" + given.until() + ")");
        }
        AuditLog.Position after = given.cursor() == null ? null : AuditLogCursor.parse(given.cursor());
        int limit = given.limit() == null ? DEFAULT_LIMIT : given.limit();
        return new AuditLog(since, until, given.actor(), given.agentId(), given.type(), after, limit);
    }

    @Override
    public Page execute(Caller caller, AuditLog query) {
        // one more than asked: whether it exists says whether there is a next page
        AuditLog lookingAhead = new AuditLog(query.since(), query.until(), query.actor(), query.agentId(), query.type(),
                query.after(), query.limit() + 1);
        List<AuditLogEntry> found = queries.findAll(lookingAhead, AuditLogEntry.class);
        List<AuditLogEntry> page = found.subList(0, Math.min(found.size(), query.limit()));
        String nextCursor = found.size() > query.limit() ? AuditLogCursor.of(page.get(page.size() - 1).position()) : null;
        return new Page(page.stream().map(this::entry).toList(), nextCursor);
    }

    private Entry entry(AuditLogEntry entry) {
        // plain JSON values only: the details may hold instants or records
        return new Entry(entry.at(), entry.actor(), entry.type(), entry.agentId(), entry.reason(),
                entry.details() == null ? Map.of() : objectMapper.convertValue(entry.details(), JSON_OBJECT));
    }

    private static Instant time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException unreadable) {
            throw ToolFailure.invalidArgument(name + ": '" + value + "' is not an ISO-8601 time with an offset, such as "
                    + TIME_EXAMPLE);
        }
    }
}
