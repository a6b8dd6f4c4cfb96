package dev.agentry.infra.mcp.catalogue;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.ListCatalogueModels;
import dev.agentry.workflows.model.ModelResolution;
import dev.agentry.workflows.model.ModelResolver;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reasoning tiers with the model each resolves to now, and every model with its availability. */
@Component
class ListModelsTool implements McpTool<Void> {

    private static final JsonSchema INPUT_SCHEMA = JsonSchema.object().build();

    private static final JsonSchema OUTPUT_SCHEMA = JsonSchema.object()
            .required("default_tier", JsonSchema.string().with("const", ReasoningTier.DEFAULT.wireName()))
            .required("tiers", JsonSchema.arrayOf(JsonSchema.object()
                    .required("tier", JsonSchema.lowerCaseChoice(ReasoningTier.class))
                    .required("description", JsonSchema.string())
                    .required("model", JsonSchema.string().nullable().description("the model the tier resolves to now, or null"))
                    .optional("friendly_name", JsonSchema.string())
                    .optional("explanation", JsonSchema.string().description("why no model serves the tier, and what fixes it"))
                    .build()))
            .required("models", JsonSchema.arrayOf(ModelAnswer.SCHEMA))
            .build();

    record Listing(String defaultTier, List<Tier> tiers, List<ModelAnswer> models) {
    }

    /** {@code friendly_name} when a model serves the tier, else {@code explanation}. */
    record Tier(String tier, String description, String model,
                @JsonInclude(JsonInclude.Include.NON_NULL) String friendlyName,
                @JsonInclude(JsonInclude.Include.NON_NULL) String explanation) {
    }

    private static final Map<ReasoningTier, String> DESCRIPTIONS = Map.of(
            ReasoningTier.BASIC, "Fast and inexpensive: short, simple, well-defined tasks.",
            ReasoningTier.STANDARD, "The default: capable at most agent work, including tool use.",
            ReasoningTier.ADVANCED, "Stronger reasoning for complex, multi-step work; slower and costlier.",
            ReasoningTier.DEEP, "Thinks before it answers (extended thinking or high reasoning effort): "
                    + "the hardest problems; slowest and costliest.");

    private final ReadModelQueries queries;
    private final CurrentModels resolvers;

    ListModelsTool(ReadModelQueries queries, CurrentModels resolvers) {
        this.queries = queries;
        this.resolvers = resolvers;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("list_models", "List reasoning tiers and models",
                "The reasoning tiers an agent can choose (standard is the default) with the model each "
                        + "resolves to now, and every model with whether a configured provider serves it.",
                INPUT_SCHEMA, OUTPUT_SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public Void bind(ToolArguments arguments) {
        return null;
    }

    @Override
    public Listing execute(Caller caller, Void arguments) {
        List<CatalogueModelView> catalogue = queries.findAll(new ListCatalogueModels(), CatalogueModelView.class);
        ModelResolver resolver = resolvers.over(catalogue);
        return new Listing(ReasoningTier.DEFAULT.wireName(), tiers(resolver), models(catalogue, resolver));
    }

    private static List<Tier> tiers(ModelResolver resolver) {
        List<Tier> tiers = new ArrayList<>();
        for (ReasoningTier tier : ReasoningTier.values()) {
            ModelResolution resolution = resolver.resolveTier(tier);
            tiers.add(resolution.isResolved()
                    ? new Tier(tier.wireName(), DESCRIPTIONS.get(tier), resolution.model().name(),
                            resolution.model().friendlyName(), null)
                    : new Tier(tier.wireName(), DESCRIPTIONS.get(tier), null, null, resolution.unavailableReason()));
        }
        return tiers;
    }

    private static List<ModelAnswer> models(List<CatalogueModelView> catalogue, ModelResolver resolver) {
        List<ModelAnswer> models = new ArrayList<>();
        catalogue.forEach(model -> models.add(ModelAnswer.of(model, resolver)));
        resolver.openAiCompatibleModels().forEach((tier, model) ->
                models.add(ModelAnswer.ofServerModel(tier, model, resolver)));
        return models;
    }
}
