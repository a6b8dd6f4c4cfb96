package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.JsonSchema;

import static dev.agentry.infra.mcp.JsonSchema.integer;
import static dev.agentry.infra.mcp.JsonSchema.text;

/** The input of the tools that take nothing but an agent id, or an agent id and a limit. */
public record AgentIdArgument(String agentId) {

    public static final int MAX_AGENT_ID = 100;

    /** The {@code agent_id} property, for every tool that names one of the caller's agents. */
    static final JsonSchema AGENT_ID = text(MAX_AGENT_ID).description("id from create_agent or list_agents");

    public static final JsonSchema INPUT_SCHEMA = JsonSchema.object().required("agent_id", AGENT_ID).build();

    /** An agent id and how many entries to answer at most; {@code limit} is null when not given. */
    public record WithLimit(String agentId, Integer limit) {

        /** The input schema of an agent id and an optional {@code limit} from 1 to {@code maxLimit}. */
        public static JsonSchema schema(int defaultLimit, int maxLimit, String limitDescription) {
            return JsonSchema.object()
                    .required("agent_id", AGENT_ID)
                    .optional("limit", integer(1, maxLimit).defaultValue(defaultLimit).description(limitDescription))
                    .build();
        }

        public int limitOr(int defaultLimit) {
            return limit == null ? defaultLimit : limit;
        }
    }
}
