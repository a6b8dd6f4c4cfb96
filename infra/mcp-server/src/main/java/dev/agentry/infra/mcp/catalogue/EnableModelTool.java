package dev.agentry.infra.mcp.catalogue;

import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.command.api.EnableModel;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.ReadModelQueries;
import org.springframework.stereotype.Component;

@Component
class EnableModelTool extends ModelSwitchTool {

    EnableModelTool(CommandSender commands, ReadModelQueries queries, CurrentModels resolvers) {
        super(commands, queries, resolvers, EnableModel::new, true);
    }

    @Override
    String name() {
        return "enable_model";
    }

    @Override
    String title() {
        return "Enable a model";
    }

    @Override
    String description() {
        return "Admin: lets tier resolution choose the catalogue model again. Enabling an enabled model changes nothing.";
    }
}
