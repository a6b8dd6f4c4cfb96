package dev.agentry.infra.mcp.agent;

import dev.agentry.command.api.AgentStatus;
import dev.agentry.command.api.StartAgent;
import dev.agentry.infra.mcp.CommandSender;
import org.springframework.stereotype.Component;

@Component
class StartAgentTool extends AgentStatusSwitchTool {

    StartAgentTool(CommandSender commands, OwnedAgents agents) {
        super(commands, agents, AgentStatus.RUNNING, StartAgent::new);
    }

    @Override
    String name() {
        return "start_agent";
    }

    @Override
    String title() {
        return "Start an agent";
    }

    @Override
    String description() {
        return "Sets one of your agents RUNNING: it runs on its schedule from now on. "
                + "Starting a running agent changes nothing.";
    }
}
