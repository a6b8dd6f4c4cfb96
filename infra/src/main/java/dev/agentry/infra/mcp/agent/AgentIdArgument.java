package dev.agentry.infra.mcp.agent;

import dev.agentry.infra.mcp.ToolArguments;

/** The input of the tools that take nothing but an agent id. */
final class AgentIdArgument {

    static final String INPUT_SCHEMA = """
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

    static String parse(ToolArguments arguments) {
        return arguments.requiredText("agent_id", OwnedAgents.MAX_AGENT_ID);
    }
}
