package dev.agentry.workflows.model;

import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.agentry.command.api.ReasoningTier.ADVANCED;
import static dev.agentry.command.api.ReasoningTier.BASIC;
import static dev.agentry.command.api.ReasoningTier.DEEP;
import static dev.agentry.command.api.ReasoningTier.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

class ModelResolverTest {

    private static final List<CatalogueModelView> CATALOGUE = List.of(
            model("claude-haiku-4-5", "Claude Haiku 4.5", BASIC, 0,
                    anthropic("claude-haiku-4-5-20251001"), bedrock("us.anthropic.claude-haiku-4-5-20251001-v1:0")),
            model("gpt-5-mini", "GPT-5 mini", BASIC, 1, openai("gpt-5-mini")),
            model("claude-sonnet-4-5", "Claude Sonnet 4.5", STANDARD, 0,
                    anthropic("claude-sonnet-4-5-20250929"), bedrock("us.anthropic.claude-sonnet-4-5-20250929-v1:0")),
            model("claude-sonnet-4", "Claude Sonnet 4", STANDARD, 1,
                    anthropic("claude-sonnet-4-20250514"), bedrock("us.anthropic.claude-sonnet-4-20250514-v1:0")),
            model("gpt-5", "GPT-5", STANDARD, 2, openai("gpt-5")),
            model("claude-opus-4-1", "Claude Opus 4.1", ADVANCED, 0,
                    anthropic("claude-opus-4-1-20250805"), bedrock("us.anthropic.claude-opus-4-1-20250805-v1:0")),
            model("gpt-5-pro", "GPT-5 (advanced)", ADVANCED, 1, openai("gpt-5")),
            model("claude-opus-4-1-thinking", "Claude Opus 4.1 with extended thinking", DEEP, 0,
                    anthropic("claude-opus-4-1-20250805"), bedrock("us.anthropic.claude-opus-4-1-20250805-v1:0")),
            model("o3", "OpenAI o3", DEEP, 1, openai("o3")));

    @ParameterizedTest
    @EnumSource(ReasoningTier.class)
    void withOnlyOpenAiAvailableEveryTierResolvesToAnOpenAiModel(ReasoningTier tier) {
        ModelResolution resolution = resolver(CATALOGUE, setup(Set.of("openai"))).resolveTier(tier);

        assertThat(resolution.isResolved()).isTrue();
        assertThat(resolution.model().provider()).isEqualTo("openai");
        assertThat(resolution.model().name()).isEqualTo(switch (tier) {
            case BASIC -> "gpt-5-mini";
            case STANDARD -> "gpt-5";
            case ADVANCED -> "gpt-5-pro";
            case DEEP -> "o3";
        });
    }

    @Test
    void bedrockAndAnthropicWithTheDefaultPreferenceResolveToBedrockIds() {
        ModelResolver resolver = resolver(CATALOGUE, setup(Set.of("anthropic", "bedrock")));

        assertThat(resolver.resolveTier(STANDARD).model()).isEqualTo(new ResolvedModel("claude-sonnet-4-5",
                "Claude Sonnet 4.5", "bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", false));
        assertThat(resolver.resolveTier(BASIC).model().providerModelId())
                .isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
    }

    @Test
    void preferringAnthropicOverBedrockResolvesToAnthropicIds() {
        ProviderSetup reversed = new ProviderSetup(Set.of("anthropic", "bedrock"),
                List.of("openai-compatible", "openai", "anthropic", "bedrock"), Map.of());

        ResolvedModel standard = resolver(CATALOGUE, reversed).resolveTier(STANDARD).model();

        assertThat(standard).isEqualTo(new ResolvedModel("claude-sonnet-4-5", "Claude Sonnet 4.5", "anthropic",
                "claude-sonnet-4-5-20250929", false));
    }

    @Test
    void everyAvailableProviderIsTriedInPreferenceOrder() {
        ProviderSetup allThree = new ProviderSetup(Set.of("anthropic", "bedrock", "openai"), List.of("openai"), Map.of());

        assertThat(resolver(CATALOGUE, allThree).resolveTier(STANDARD).model().name()).isEqualTo("gpt-5");
    }

    @Test
    void providersThePreferenceLeavesOutFollowInTheDefaultOrder() {
        ProviderSetup anthropicFirst = new ProviderSetup(Set.of("bedrock", "openai"), List.of("anthropic"), Map.of());

        assertThat(resolver(CATALOGUE, anthropicFirst).resolveTier(STANDARD).model().provider()).isEqualTo("bedrock");
    }

    @Test
    void unknownNamesInThePreferenceAreIgnored() {
        ProviderSetup odd = new ProviderSetup(Set.of("anthropic", "openai"), List.of("vertex", " openai "), Map.of());

        assertThat(resolver(CATALOGUE, odd).resolveTier(STANDARD).model().provider()).isEqualTo("openai");
    }

    @Test
    void withNothingAvailableEveryTierSaysWhatToConfigure() {
        ModelResolver resolver = resolver(CATALOGUE, setup(Set.of()));

        for (ReasoningTier tier : ReasoningTier.values()) {
            ModelResolution resolution = resolver.resolveTier(tier);
            assertThat(resolution.isResolved()).isFalse();
            assertThat(resolution.unavailableReason()).isEqualTo(("no available provider serves tier '%s' (configure "
                    + "AWS credentials for Bedrock, ANTHROPIC_API_KEY, OPENAI_API_KEY or "
                    + "agentry.providers.openai-compatible.base-url with .models.%s)").formatted(tier.wireName(), tier.wireName()));
        }
    }

    @Test
    void anUnavailableTierNamesOnlyTheProvidersThatOfferIt() {
        List<CatalogueModelView> anthropicOnly = List.of(model("claude-opus-4-1-thinking", "Opus thinking", DEEP, 0,
                anthropic("claude-opus-4-1-20250805")));

        assertThat(resolver(anthropicOnly, setup(Set.of("openai"))).resolveTier(DEEP).unavailableReason())
                .isEqualTo("no available provider serves tier 'deep' (configure ANTHROPIC_API_KEY or "
                        + "agentry.providers.openai-compatible.base-url with .models.deep)");
    }

    @Test
    void aDisabledModelIsSkippedAndTheNextOfItsTierUsed() {
        ModelResolver resolver = resolver(disabled(CATALOGUE, "claude-sonnet-4-5"), setup(Set.of("bedrock")));

        assertThat(resolver.resolveTier(STANDARD).model()).isEqualTo(new ResolvedModel("claude-sonnet-4",
                "Claude Sonnet 4", "bedrock", "us.anthropic.claude-sonnet-4-20250514-v1:0", false));
    }

    @Test
    void whenAProvidersModelsOfATierAreAllDisabledTheNextProviderServesIt() {
        ModelResolver resolver = resolver(disabled(CATALOGUE, "claude-sonnet-4-5", "claude-sonnet-4"),
                setup(Set.of("bedrock", "openai")));

        assertThat(resolver.resolveTier(STANDARD).model().name()).isEqualTo("gpt-5");
    }

    @Test
    void whenOnlyDisabledModelsCouldServeATierTheReasonNamesThem() {
        ModelResolver resolver = resolver(disabled(CATALOGUE, "claude-opus-4-1-thinking"), setup(Set.of("anthropic")));

        assertThat(resolver.resolveTier(DEEP).unavailableReason()).isEqualTo("no available provider serves tier 'deep' "
                + "(configure OPENAI_API_KEY or agentry.providers.openai-compatible.base-url with .models.deep; "
                + "or an admin enables 'claude-opus-4-1-thinking')");
    }

    @Test
    void withinATierTheLowerRankWinsWhateverTheCatalogueOrder() {
        List<CatalogueModelView> reversed = new ArrayList<>(CATALOGUE);
        Collections.reverse(reversed);

        assertThat(resolver(reversed, setup(Set.of("anthropic"))).resolveTier(STANDARD).model().name())
                .isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void theDeepTierAsksForThinkingAndTheOthersDoNot() {
        for (String provider : List.of("anthropic", "bedrock", "openai")) {
            ModelResolver resolver = resolver(CATALOGUE, setup(Set.of(provider)));
            assertThat(resolver.resolveTier(DEEP).model().thinking()).as(provider).isTrue();
            assertThat(List.of(BASIC, STANDARD, ADVANCED)).allSatisfy(tier ->
                    assertThat(resolver.resolveTier(tier).model().thinking()).as(provider + " " + tier).isFalse());
        }
    }

    @Test
    void anOpenAiCompatibleServerServesTheTiersItsConfigurationNames() {
        Map<ReasoningTier, String> models = new EnumMap<>(Map.of(BASIC, "llama-3.1-8b-instruct",
                STANDARD, "qwen2.5-72b-instruct", ADVANCED, "qwen2.5-72b-instruct"));
        ModelResolver resolver = resolver(CATALOGUE, new ProviderSetup(Set.of("openai-compatible"), List.of(), models));

        assertThat(resolver.resolveTier(STANDARD).model()).isEqualTo(new ResolvedModel("qwen2.5-72b-instruct",
                "qwen2.5-72b-instruct (OpenAI-compatible server)", "openai-compatible", "qwen2.5-72b-instruct", false));
        assertThat(resolver.resolveTier(BASIC).model().providerModelId()).isEqualTo("llama-3.1-8b-instruct");
        assertThat(resolver.resolveTier(DEEP).unavailableReason()).isEqualTo("no available provider serves tier 'deep' "
                + "(configure AWS credentials for Bedrock, ANTHROPIC_API_KEY, OPENAI_API_KEY or "
                + "agentry.providers.openai-compatible.models.deep)");
    }

    @Test
    void aPreferredCatalogueProviderComesBeforeTheOpenAiCompatibleServer() {
        ProviderSetup both = new ProviderSetup(Set.of("openai-compatible", "anthropic"), List.of(),
                Map.of(STANDARD, "qwen2.5-72b-instruct"));

        assertThat(resolver(CATALOGUE, both).resolveTier(STANDARD).model().provider()).isEqualTo("anthropic");
    }

    @Test
    void anExplicitModelOverridesTheTierAndGoesThroughThePreferredAvailableOffering() {
        ModelResolver resolver = resolver(CATALOGUE, setup(Set.of("anthropic", "bedrock")));

        assertThat(resolver.resolve(BASIC, "claude-opus-4-1").model()).isEqualTo(new ResolvedModel("claude-opus-4-1",
                "Claude Opus 4.1", "bedrock", "us.anthropic.claude-opus-4-1-20250805-v1:0", false));
        assertThat(resolver.resolve(BASIC, "o3").unavailableReason())
                .isEqualTo("no available provider serves model 'o3' (configure OPENAI_API_KEY)");
    }

    @Test
    void anExplicitDeepModelAsksForThinking() {
        assertThat(resolver(CATALOGUE, setup(Set.of("openai"))).resolveModel("o3").model().thinking()).isTrue();
    }

    @Test
    void anAgentWithoutTierOrModelGetsTheStandardTier() {
        assertThat(resolver(CATALOGUE, setup(Set.of("anthropic"))).resolve(null, null).model().name())
                .isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void aDisabledExplicitModelIsNotReplacedByAnother() {
        ModelResolver resolver = resolver(disabled(CATALOGUE, "gpt-5"), setup(Set.of("openai")));

        assertThat(resolver.resolveModel("gpt-5").unavailableReason()).isEqualTo("model 'gpt-5' is disabled by an admin");
    }

    @Test
    void anUnknownExplicitModelIsNamedAsSuch() {
        assertThat(resolver(CATALOGUE, setup(Set.of("openai"))).resolveModel("gpt-9").unavailableReason())
                .isEqualTo("model 'gpt-9' is not in the catalogue; list_models shows the models");
    }

    @Test
    void anExplicitModelOfTheOpenAiCompatibleConfigurationResolvesWhileThatServerIsConfigured() {
        Map<ReasoningTier, String> models = Map.of(STANDARD, "qwen2.5-72b-instruct");

        assertThat(resolver(CATALOGUE, new ProviderSetup(Set.of("openai-compatible"), List.of(), models))
                .resolveModel("qwen2.5-72b-instruct").model().provider()).isEqualTo("openai-compatible");
        assertThat(resolver(CATALOGUE, new ProviderSetup(Set.of("openai"), List.of(), models))
                .resolveModel("qwen2.5-72b-instruct").unavailableReason()).isEqualTo("no available provider serves "
                + "model 'qwen2.5-72b-instruct' (configure agentry.providers.openai-compatible.base-url)");
    }

    @Test
    void aDisabledModelIsServedByNobody() {
        ModelResolver resolver = resolver(disabled(CATALOGUE, "gpt-5"), setup(Set.of("openai")));
        CatalogueModelView gpt5 = disabled(CATALOGUE, "gpt-5").stream().filter(m -> m.name().equals("gpt-5")).findFirst()
                .orElseThrow();

        assertThat(resolver.serving(gpt5)).isEmpty();
    }

    @Test
    void aModelIsServedByItsMostPreferredAvailableOffering() {
        CatalogueModelView haiku = CATALOGUE.get(0);

        assertThat(resolver(CATALOGUE, setup(Set.of("anthropic"))).serving(haiku).orElseThrow().provider())
                .isEqualTo("anthropic");
        assertThat(resolver(CATALOGUE, setup(Set.of("anthropic", "bedrock"))).serving(haiku).orElseThrow().provider())
                .isEqualTo("bedrock");
        assertThat(resolver(CATALOGUE, setup(Set.of("openai"))).serving(haiku)).isEmpty();
    }

    @Test
    void blankOpenAiCompatibleTierEntriesServeNothing() {
        Map<ReasoningTier, String> models = new EnumMap<>(ReasoningTier.class);
        models.put(BASIC, " ");
        ModelResolver resolver = resolver(CATALOGUE, new ProviderSetup(Set.of("openai-compatible"), List.of(), models));

        assertThat(resolver.resolveTier(BASIC).isResolved()).isFalse();
        assertThat(resolver.openAiCompatibleModels()).isEmpty();
    }

    @Test
    void theCandidatesOfATierFollowProviderPreferenceThenRank() {
        ProviderSetup setup = new ProviderSetup(Set.of("anthropic", "openai", "openai-compatible"),
                List.of("openai-compatible", "anthropic", "openai"), Map.of(STANDARD, "llama-test"));

        assertThat(resolver(CATALOGUE, setup).candidatesForTier(STANDARD))
                .extracting(ResolvedModel::name, ResolvedModel::provider)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("llama-test", "openai-compatible"),
                        org.assertj.core.groups.Tuple.tuple("claude-sonnet-4-5", "anthropic"),
                        org.assertj.core.groups.Tuple.tuple("claude-sonnet-4", "anthropic"),
                        org.assertj.core.groups.Tuple.tuple("gpt-5", "openai"));
        assertThat(resolver(CATALOGUE, setup).candidates(STANDARD, "claude-sonnet-4"))
                .extracting(ResolvedModel::name).containsExactly("claude-sonnet-4");
    }

    @Test
    void aSidelinedProviderIsPassedOverAndItsReasonShownForItsModels() {
        ProviderSetup setup = new ProviderSetup(Set.of("anthropic", "openai"), List.of("anthropic", "openai"), Map.of(),
                Map.of("anthropic", "circuit breaker of anthropic open"));
        ModelResolver resolver = resolver(CATALOGUE, setup);

        assertThat(resolver.resolveTier(STANDARD).model().name()).isEqualTo("gpt-5");
        assertThat(resolver.resolveModel("claude-sonnet-4-5").unavailableReason())
                .isEqualTo("no available provider serves model 'claude-sonnet-4-5': circuit breaker of anthropic open");
        assertThat(resolver(disabled(CATALOGUE, "gpt-5"), setup).resolveTier(STANDARD).unavailableReason())
                .contains("circuit breaker of anthropic open").doesNotContain("ANTHROPIC_API_KEY");
    }

    @Test
    void anOfferingAnsweredAsNotFoundIsSkippedUntilItsModelIdChanges() {
        CatalogueModelView sonnet = CATALOGUE.get(2);
        CatalogueModelView retired = new CatalogueModelView(sonnet.name(), sonnet.definition(), true, List.of(
                new CatalogueModelView.OfferingRetirement("anthropic", "claude-sonnet-4-5-20250929",
                        "anthropic answered HTTP 404: not_found_error", java.time.Instant.EPOCH)));
        List<CatalogueModelView> catalogue = CATALOGUE.stream().map(model -> model == sonnet ? retired : model).toList();
        ModelResolver onlyAnthropic = resolver(catalogue, setup(Set.of("anthropic")));

        assertThat(onlyAnthropic.resolveTier(STANDARD).model().name()).isEqualTo("claude-sonnet-4");
        assertThat(onlyAnthropic.resolveModel("claude-sonnet-4-5").unavailableReason())
                .isEqualTo("no available provider serves model 'claude-sonnet-4-5': anthropic answered HTTP 404: not_found_error");
        // Bedrock's offering has an id of its own, which Anthropic's answer says nothing about
        assertThat(resolver(catalogue, setup(Set.of("anthropic", "bedrock"))).resolveTier(STANDARD).model().name())
                .isEqualTo("claude-sonnet-4-5");
    }

    private static ModelResolver resolver(List<CatalogueModelView> catalogue, ProviderSetup setup) {
        return new ModelResolver(catalogue, setup);
    }

    private static ProviderSetup setup(Set<String> available) {
        return new ProviderSetup(available, ProviderSetup.DEFAULT_PREFERENCE, Map.of());
    }

    private static List<CatalogueModelView> disabled(List<CatalogueModelView> catalogue, String... names) {
        List<String> off = Arrays.asList(names);
        return catalogue.stream()
                .map(model -> off.contains(model.name())
                        ? new CatalogueModelView(model.name(), model.definition(), false) : model)
                .toList();
    }

    private static CatalogueModelView model(String name, String friendlyName, ReasoningTier tier, int rank,
                                            ModelOffering... offerings) {
        return new CatalogueModelView(name, new ModelDefinition(friendlyName, tier,
                new ModelCapabilities(true, tier == DEEP), List.of(offerings), rank), true);
    }

    private static ModelOffering anthropic(String id) {
        return new ModelOffering("anthropic", id);
    }

    private static ModelOffering bedrock(String id) {
        return new ModelOffering("bedrock", id);
    }

    private static ModelOffering openai(String id) {
        return new ModelOffering("openai", id);
    }
}
