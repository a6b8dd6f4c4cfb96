package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.ToolArguments;

/** The input of the tools that take nothing but an agent id. */
public final class AgentIdArgument {

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
}
