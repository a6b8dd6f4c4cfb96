package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.ToolArguments;

/** The input of the tools that take nothing but an agent id, or an agent id and a limit. */
public final class AgentIdArgument {

    /** An agent id and how many entries to answer at most. */
    public record WithLimit(String agentId, int limit) {
    }

    public static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
            %s
              },
              "required": ["agent_id"],
              "additionalProperties": false
            }""".formatted(OwnedAgents.AGENT_ID_SCHEMA);

    private AgentIdArgument() {
    }

    public static String parse(ToolArguments arguments) {
        return arguments.requiredText("agent_id", OwnedAgents.MAX_AGENT_ID);
    }

    /** The input schema of an agent id and an optional {@code limit} from 1 to {@code maxLimit}. */
    public static String withLimitSchema(int defaultLimit, int maxLimit, String limitDescription) {
        return """
                {
                  "type": "object",
                  "properties": {
                %s,
                    "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d,
                              "description": "%s"}
                  },
                  "required": ["agent_id"],
                  "additionalProperties": false
                }""".formatted(OwnedAgents.AGENT_ID_SCHEMA, maxLimit, defaultLimit, limitDescription);
    }

    public static WithLimit parseWithLimit(ToolArguments arguments, int defaultLimit, int maxLimit) {
        return new WithLimit(parse(arguments), arguments.optionalInteger("limit", 1, maxLimit).orElse(defaultLimit));
    }
}
