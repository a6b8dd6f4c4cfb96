package dev.agentry.infra.catalog;

import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ReadModelQueries;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.security.Caller;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.ListCatalogueModels;
import dev.agentry.workflows.model.ModelResolution;
import dev.agentry.workflows.model.ModelResolver;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reasoning tiers with the model each resolves to now, and every model with its availability. */
@Component
class ListModelsTool implements McpTool<Void> {

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {},
              "additionalProperties": false
            }""";

    private static final String OUTPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "default_tier": {"type": "string", "const": "standard"},
                "tiers": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "properties": {
                      "tier": {"type": "string", "enum": ["basic", "standard", "advanced", "deep"]},
                      "description": {"type": "string"},
                      "model": {"type": ["string", "null"], "description": "the model the tier resolves to now, or null"},
                      "friendly_name": {"type": "string"},
                      "explanation": {"type": "string", "description": "why no model serves the tier, and what fixes it"}
                    },
                    "required": ["tier", "description", "model"],
                    "additionalProperties": false
                  }
                },
                "models": {"type": "array", "items": %s}
              },
              "required": ["default_tier", "tiers", "models"],
              "additionalProperties": false
            }""".formatted(ModelJson.SCHEMA);

    private static final Map<ReasoningTier, String> DESCRIPTIONS = Map.of(
            ReasoningTier.BASIC, "Fast and inexpensive: short, simple, well-defined tasks.",
            ReasoningTier.STANDARD, "The default: capable at most agent work, including tool use.",
            ReasoningTier.ADVANCED, "Stronger reasoning for complex, multi-step work; slower and costlier.",
            ReasoningTier.DEEP, "Thinks before it answers (extended thinking or high reasoning effort): "
                    + "the hardest problems; slowest and costliest.");

    private final ReadModelQueries queries;
    private final CurrentModelResolver resolvers;

    ListModelsTool(ReadModelQueries queries, CurrentModelResolver resolvers) {
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
    public Void parse(ToolArguments arguments) {
        return null;
    }

    @Override
    public Map<String, Object> execute(Caller caller, Void arguments) {
        List<CatalogueModelView> catalogue = queries.findAll(new ListCatalogueModels(), CatalogueModelView.class);
        ModelResolver resolver = resolvers.over(catalogue);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("default_tier", ReasoningTier.DEFAULT.wireName());
        result.put("tiers", tiers(resolver));
        result.put("models", models(catalogue, resolver));
        return result;
    }

    private static List<Map<String, Object>> tiers(ModelResolver resolver) {
        List<Map<String, Object>> tiers = new ArrayList<>();
        for (ReasoningTier tier : ReasoningTier.values()) {
            ModelResolution resolution = resolver.resolveTier(tier);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tier", tier.wireName());
            entry.put("description", DESCRIPTIONS.get(tier));
            entry.put("model", resolution.isResolved() ? resolution.model().name() : null);
            if (resolution.isResolved()) {
                entry.put("friendly_name", resolution.model().friendlyName());
            } else {
                entry.put("explanation", resolution.unavailableReason());
            }
            tiers.add(entry);
        }
        return tiers;
    }

    private static List<Map<String, Object>> models(List<CatalogueModelView> catalogue, ModelResolver resolver) {
        List<Map<String, Object>> models = new ArrayList<>();
        catalogue.forEach(model -> models.add(ModelJson.of(model, resolver)));
        boolean serverAvailable = resolver.providers().isAvailable(ModelProvider.OPENAI_COMPATIBLE.wireName());
        resolver.openAiCompatibleModels().forEach((tier, model) ->
                models.add(ModelJson.ofServerModel(tier, model, serverAvailable)));
        return models;
    }
}
