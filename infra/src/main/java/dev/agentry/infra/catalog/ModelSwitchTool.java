package dev.agentry.infra.catalog;

import dev.agentry.infra.mcp.CommandSender;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.ListCatalogueModels;
import dev.agentry.workflows.model.ModelResolver;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An admin tool that switches a catalogue model on or off and answers the model as it is afterwards.
 * Switching a model to the state it is in changes nothing.
 */
abstract class ModelSwitchTool implements McpTool<String> {

    static final String NAME_PATTERN = "^[a-z0-9][a-z0-9.-]*$";

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[a-z0-9][a-z0-9.-]*$",
                         "description": "the model's canonical name, as list_models shows it"}
              },
              "required": ["name"],
              "additionalProperties": false
            }""";

    private final CommandSender commands;
    private final ReadModelQueries queries;
    private final CurrentModelResolver resolvers;
    private final Function<String, Object> command;

    ModelSwitchTool(CommandSender commands, ReadModelQueries queries, CurrentModelResolver resolvers,
                    Function<String, Object> command) {
        this.commands = commands;
        this.queries = queries;
        this.resolvers = resolvers;
        this.command = command;
    }

    abstract String name();

    abstract String title();

    abstract String description();

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of(name(), title(), description(),
                INPUT_SCHEMA, ModelJson.SCHEMA, ToolHints.CHANGES_IDEMPOTENTLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public String parse(ToolArguments arguments) {
        String name = arguments.requiredText("name", 100);
        if (!name.matches(NAME_PATTERN)) {
            throw ToolFailure.invalidArgument("name '" + name + "' is not a model name: lower-case letters, digits, "
                    + "'.' and '-', starting with a letter or digit");
        }
        return name;
    }

    @Override
    public Map<String, Object> execute(Caller caller, String name) {
        String subject = "model '" + name + "'";
        List<CatalogueModelView> catalogue = queries.findAll(new ListCatalogueModels(), CatalogueModelView.class);
        // registration completes before calls are served, so the read model knows every model
        if (catalogue.stream().noneMatch(model -> model.name().equals(name))) {
            refuseServerModel(name, resolvers.over(catalogue));
            throw ToolFailure.notFound(subject + " not found");
        }
        commands.send(command.apply(name), caller, subject);
        queries.awaitOwnWrites();
        List<CatalogueModelView> after = queries.findAll(new ListCatalogueModels(), CatalogueModelView.class);
        CatalogueModelView model = after.stream().filter(entry -> entry.name().equals(name)).findFirst()
                .orElseThrow(() -> ToolFailure.notFound(subject + " not found"));
        return ModelJson.of(model, resolvers.over(after));
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
