package dev.agentry.infra.mcp.catalogue;

import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.command.api.DisableModel;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.ReadModelQueries;
import org.springframework.stereotype.Component;

@Component
class DisableModelTool extends ModelSwitchTool {

    DisableModelTool(CommandSender commands, ReadModelQueries queries, CurrentModels resolvers) {
        super(commands, queries, resolvers, DisableModel::new, false);
    }

    @Override
    String name() {
        return "disable_model";
    }

    @Override
    String title() {
        return "Disable a model";
    }

    @Override
    String description() {
        return "Admin: keeps tier resolution from choosing the catalogue model; tiers fall back to the next model. "
                + "Agents that name it as their model cannot run until it is enabled. Disabling a disabled model "
                + "changes nothing.";
    }
}
