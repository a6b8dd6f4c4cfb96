package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.ListAgents;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class ListAgentsTool implements McpTool<Optional<AgentStatus>> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .optional("status", JsonSchema.upperCaseChoice(AgentStatus.class)
                    .description("only agents in this status; without it, every agent that is not DELETED"))
            .build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("agents", JsonSchema.arrayOf(AgentAnswer.SCHEMA))
            .build();

    record Arguments(AgentStatus status) {
    }

    record Agents(List<AgentAnswer> agents) {
    }

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
    public Optional<AgentStatus> bind(ToolArguments arguments) {
        return Optional.ofNullable(arguments.as(Arguments.class).status());
    }

    @Override
    public Agents execute(Caller caller, Optional<AgentStatus> status) {
        return new Agents(queries.findAll(new ListAgents(caller.userId(), status.orElse(null)), AgentView.class)
                .stream().map(AgentAnswer::of).toList());
    }
}
