package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.ListAgents;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

@Component
class ListAgentsTool implements McpTool<ListAgentsTool.Page> {

    /** a cursor is the position of an agent: its creation time and id, both bounded */
    private static final int CURSOR_MAX_LENGTH = 200;

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .optional("status", JsonSchema.upperCaseChoice(AgentStatus.class)
                    .description("only agents in this status; without it, every agent that is not DELETED"))
            .optional("name_prefix", JsonSchema.text(ListAgents.NAME_PREFIX_MAX_LENGTH)
                    .description("only agents whose name starts with this (case-sensitive)"))
            .optional("limit", JsonSchema.integer(1, ListAgents.MAX_LIMIT).nullable()
                    .description("at most this many agents; default " + ListAgents.DEFAULT_LIMIT))
            .optional("cursor", JsonSchema.text(CURSOR_MAX_LENGTH).nullable()
                    .description("next_cursor of the previous page, with the same filters"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("agents", JsonSchema.arrayOf(AgentAnswer.SCHEMA))
            .required("next_cursor", JsonSchema.string().nullable()
                    .description("pass it as cursor for the next page; null after the last page"))
            .build();

    record Arguments(AgentStatus status, String namePrefix, Integer limit, String cursor) {
    }

    /** @param query asks for one agent more than the page holds, to know whether another page follows */
    record Page(ListAgents query, int limit) {
    }

    record Agents(List<AgentAnswer> agents, String nextCursor) {
    }

    private final ReadModelQueries queries;

    ListAgentsTool(ReadModelQueries queries) {
        this.queries = queries;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("list_agents", "List your agents",
                "Your agents, oldest first, a page at a time: every one that is not DELETED unless a status is given,"
                        + " optionally only names starting with name_prefix. An agent created while you page through"
                        + " appears on a later page; none is repeated or skipped.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public Page bind(ToolArguments arguments) {
        Arguments given = arguments.as(Arguments.class);
        int limit = given.limit() == null ? ListAgents.DEFAULT_LIMIT : given.limit();
        ListAgents.Position after = given.cursor() == null ? null : decode(given.cursor());
        // the read model is asked for one more than the page, up to the largest page it serves
        return new Page(new ListAgents(null, given.status(), given.namePrefix(), after,
                Math.min(limit + 1, ListAgents.MAX_LIMIT)), limit);
    }

    @Override
    public Agents execute(Caller caller, Page page) {
        ListAgents query = page.query();
        List<AgentView> found = queries.findAll(new ListAgents(caller.userId(), query.status(), query.namePrefix(),
                query.after(), query.limit()), AgentView.class);
        boolean more = found.size() > page.limit();
        List<AgentView> shown = more ? found.subList(0, page.limit()) : found;
        String next = more || (found.size() == page.limit() && page.limit() == ListAgents.MAX_LIMIT)
                ? encode(ListAgents.Position.of(shown.get(shown.size() - 1))) : null;
        return new Agents(shown.stream().map(AgentAnswer::of).toList(), next);
    }

    private static String encode(ListAgents.Position position) {
        String plain = position.createdAt() + "|" + position.agentId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static ListAgents.Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar > 0 && bar < plain.length() - 1) {
                return new ListAgents.Position(Instant.parse(plain.substring(0, bar)), plain.substring(bar + 1));
            }
        } catch (IllegalArgumentException | DateTimeParseException notACursor) {
            // answered below in the words a caller can act on
        }
        throw ToolFailure.invalidArgument("cursor: not a next_cursor that list_agents gave; leave it out for the first page");
    }
}
