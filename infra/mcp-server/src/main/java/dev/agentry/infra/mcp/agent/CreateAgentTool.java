package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.CreateAgent;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * With a {@code request_id}, the agent's id is derived from the caller and the request id, so that a retry
 * of a create whose answer was lost finds the agent the first attempt stored and appends nothing.
 */
@Component
class CreateAgentTool implements McpTool<CreateAgentTool.Request> {

    static final int MAX_REQUEST_ID = 100;

    private static final JsonSchema INPUT_SCHEMA = AgentSettingsArguments.properties()
            .requiring("name", "instructions")
            .optional("request_id", JsonSchema.text(MAX_REQUEST_ID)
                    .description("any id of your choosing; a retry with the same one returns the same agent"))
            .build();

    /** @param requestId null when the call gave none */
    record Request(AgentSettings settings, String requestId) {
    }

    private final CommandSender commands;
    private final OwnedAgents agents;
    private final SlackToolsNeedAConnection slackTools;

    CreateAgentTool(CommandSender commands, OwnedAgents agents, SlackToolsNeedAConnection slackTools) {
        this.commands = commands;
        this.agents = agents;
        this.slackTools = slackTools;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("create_agent", "Create an agent",
                "Creates an agent owned by you, STOPPED until start_agent. Defaults: tier standard, "
                        + "no schedule (manual runs only), overlap skip, catch_up skip. Give a request_id to make "
                        + "retries safe.",
                INPUT_SCHEMA, AgentAnswer.SCHEMA, ToolHints.CREATES);
    }

    @Override
    public Request bind(ToolArguments arguments) {
        return new Request(arguments.without("request_id").as(AgentSettingsArguments.class).toNewSettings(),
                arguments.as("request_id", String.class));
    }

    @Override
    public AgentAnswer execute(Caller caller, Request request) {
        slackTools.check(caller, request.settings().tools());
        String agentId = request.requestId() == null ? UUID.randomUUID().toString() : agentIdFor(caller, request.requestId());
        Instant at = Instant.now();
        if (!commands.create(new CreateAgent(agentId, caller.userId(), request.settings()), caller, OwnedAgents.subject(agentId))) {
            return retried(caller, agentId, request.requestId());
        }
        return agents.afterChange(caller, agentId, () -> AgentAnswer.created(agentId, caller.username(), request.settings(), at));
    }

    /** The agent an earlier call with this request id created, as it is now. */
    private AgentAnswer retried(Caller caller, String agentId, String requestId) {
        return agents.afterChange(caller, agentId, () -> {
            throw ToolFailure.failedPrecondition("request_id '" + requestId + "' was used for an agent that no longer exists");
        });
    }

    /** Per caller, so that one user's request id never names another user's agent. */
    static String agentIdFor(Caller caller, String requestId) {
        return UUID.nameUUIDFromBytes((caller.userId() + "\n" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
