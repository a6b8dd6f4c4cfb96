package dev.agentry.infra.mcp.agent;

import java.util.function.Supplier;
import java.util.Optional;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.AgentView;
import dev.agentry.query.api.FindAgent;
import org.springframework.stereotype.Component;

/**
 * The caller's own agents. Another user's agent, a deleted one and an unknown id all read as
 * not found, so that no one learns which agents exist.
 */
@Component
public class OwnedAgents {


    private final ReadModelQueries queries;

    OwnedAgents(ReadModelQueries queries) {
        this.queries = queries;
    }

    public static String subject(String agentId) {
        return "agent '" + agentId + "'";
    }

    public AgentView find(Caller caller, String agentId) {
        return queries.findOne(new FindAgent(agentId, caller.userId()), AgentView.class)
                .orElseThrow(() -> ToolFailure.notFound(subject(agentId) + " not found"));
    }

    /**
     * The agent as the caller's successful command left it: from the read model once it includes the change,
     * else, the change being stored all the same, as the command's own outcome says.
     */
    AgentAnswer afterChange(Caller caller, String agentId, Supplier<AgentAnswer> commandOutcome) {
        if (queries.awaitOwnWrite(agentId)) {
            Optional<AgentView> agent = queries.findOne(new FindAgent(agentId, caller.userId()), AgentView.class);
            if (agent.isPresent()) {
                return AgentAnswer.of(agent.get());
            }
        }
        return commandOutcome.get();
    }
}
