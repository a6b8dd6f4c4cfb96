package dev.agentry.infra.mcp.run;

import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import org.springframework.stereotype.Component;

/** Only the caller's own agents exist for the run tools; any other id reads as not found. */
@Component
class CallersAgents {

    static final int MAX_AGENT_ID = 100;
    static final String AGENT_ID_SCHEMA = """
            "agent_id": {"type": "string", "minLength": 1, "maxLength": 100, "description": "id from create_agent or list_agents"}""";

    private final ReadModelQueries queries;

    CallersAgents(ReadModelQueries queries) {
        this.queries = queries;
    }

    AgentView require(Caller caller, String agentId) {
        return queries.findOne(new FindAgent(agentId, caller.userId()), AgentView.class)
                .orElseThrow(() -> ToolFailure.notFound("agent '" + agentId + "' not found"));
    }
}
