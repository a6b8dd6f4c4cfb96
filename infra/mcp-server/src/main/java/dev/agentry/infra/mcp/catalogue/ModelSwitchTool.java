package dev.agentry.infra.mcp.catalogue;

import dev.agentry.command.api.RegisterModel;
import dev.agentry.command.api.CatalogueLimits;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.ListCatalogueModels;
import dev.agentry.workflows.model.ModelResolver;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.function.Function;

/**
 * An admin tool that switches a catalogue model on or off and answers the model as it is afterwards.
 * Switching a model to the state it is in changes nothing.
 */
abstract class ModelSwitchTool implements McpTool<String> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object()
            .required("name", JsonSchema.text(CatalogueLimits.MODEL_NAME_MAX_LENGTH).pattern(CatalogueLimits.MODEL_NAME_PATTERN)
                    .description("the model's canonical name, as list_models shows it"))
            .build();

    record Arguments(String name) {
    }

    private final CommandSender commands;
    private final ReadModelQueries queries;
    private final CurrentModels resolvers;
    private final Function<String, Object> command;
    private final boolean enables;

    ModelSwitchTool(CommandSender commands, ReadModelQueries queries, CurrentModels resolvers,
                    Function<String, Object> command, boolean enables) {
        this.commands = commands;
        this.queries = queries;
        this.resolvers = resolvers;
        this.command = command;
        this.enables = enables;
    }

    abstract String name();

    abstract String title();

    abstract String description();

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of(name(), title(), description(),
                INPUT_SCHEMA, ModelAnswer.SCHEMA, ToolHints.CHANGES_IDEMPOTENTLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public String bind(ToolArguments arguments) {
        return arguments.as(Arguments.class).name();
    }

    @Override
    public ModelAnswer execute(Caller caller, String name) {
        String subject = "model '" + name + "'";
        List<CatalogueModelView> catalogue = queries.findAll(new ListCatalogueModels(), CatalogueModelView.class);
        // registration completes before calls are served, so the read model knows every model
        if (catalogue.stream().noneMatch(model -> model.name().equals(name))) {
            refuseServerModel(name, resolvers.over(catalogue));
            throw ToolFailure.notFound(subject + " not found");
        }
        commands.send(command.apply(name), caller, subject);
        List<CatalogueModelView> after = queries.awaitOwnWrite(RegisterModel.aggregateIdentifierOf(name))
                ? queries.findAll(new ListCatalogueModels(), CatalogueModelView.class)
                // stored, but the read model is behind: the catalogue as the command left it
                : catalogue.stream().map(entry -> entry.name().equals(name)
                        ? entry.withEnabled(enables) : entry).toList();
        CatalogueModelView model = after.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> ToolFailure.notFound(subject + " not found"));
        return ModelAnswer.of(model, resolvers.over(after));
    }

    /** Models of the OpenAI-compatible server come from the configuration, which is where they are changed. */
    private static void refuseServerModel(String name, ModelResolver resolver) {
        resolver.openAiCompatibleModels().entrySet().stream()
                .filter(entry -> entry.getValue().name().equals(name))
                .findFirst()
                .ifPresent(entry -> {
                    throw ToolFailure.failedPrecondition("model '" + name + "' is not in the catalogue: it is the "
                            + "OpenAI-compatible server's model configured by agentry.providers.openai-compatible.models."
                            + entry.getKey().wireName() + ", and only that configuration changes it");
                });
    }
}
