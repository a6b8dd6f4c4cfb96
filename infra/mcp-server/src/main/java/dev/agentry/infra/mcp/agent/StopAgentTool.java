package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.mcp.CommandSender;
import org.springframework.stereotype.Component;

@Component
class StopAgentTool extends AgentStatusSwitchTool {

    StopAgentTool(CommandSender commands, OwnedAgents agents) {
        super(commands, agents, AgentStatus.STOPPED, StopAgent::new);
    }

    @Override
    String name() {
        return "stop_agent";
    }

    @Override
    String title() {
        return "Stop an agent";
    }

    @Override
    String description() {
        return "Sets one of your agents STOPPED: it runs on its schedule no more. "
                + "Stopping a stopped agent changes nothing.";
    }
}
