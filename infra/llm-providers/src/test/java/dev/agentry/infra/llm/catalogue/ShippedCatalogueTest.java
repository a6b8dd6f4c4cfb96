package dev.agentry.infra.llm.catalogue;

import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RegisterModel;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.workflows.model.ModelResolution;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ProviderSetup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue that ships: usable with any one of the catalogue providers, and free of provider ids in its names. */
class ShippedCatalogueTest {

    private static final List<RegisterModel> SHIPPED = CatalogueFile.read(new CatalogueProperties(null));

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "bedrock", "openai"})
    void everyTierResolvesWithOnlyThisProviderAvailable(String provider) {
        ModelResolver resolver = new ModelResolver(views(), new ProviderSetup(Set.of(provider), List.of(), Map.of()));

        for (ReasoningTier tier : ReasoningTier.values()) {
            ModelResolution resolution = resolver.resolveTier(tier);
            assertThat(resolution.isResolved()).as("%s with %s: %s", tier, provider, resolution.unavailableReason()).isTrue();
            assertThat(resolution.model().provider()).isEqualTo(provider);
            assertThat(resolution.model().thinking()).as("%s thinks", tier).isEqualTo(tier == ReasoningTier.DEEP);
        }
    }

    @Test
    void bedrockIsOfferedThroughInferenceProfiles() {
        List<String> bedrockIds = SHIPPED.stream().flatMap(model -> model.definition().offerings().stream())
                .filter(offering -> offering.provider().equals("bedrock")).map(ModelOffering::modelId).toList();

        assertThat(bedrockIds).isNotEmpty().allMatch(id -> id.matches("(us|global)\\.anthropic\\.claude-[a-z0-9-]+"));
    }

    @Test
    void canonicalNamesAreNeitherProviderIdsNorDateStamped() {
        assertThat(SHIPPED).allSatisfy(model -> {
            assertThat(model.name()).doesNotContain(":").doesNotStartWith("us.").doesNotContainPattern("\\d{8}");
            assertThat(model.definition().friendlyName()).isNotBlank();
        });
    }

    @Test
    void everyDeepModelCanThink() {
        assertThat(SHIPPED).filteredOn(model -> model.definition().tier() == ReasoningTier.DEEP)
                .isNotEmpty()
                .allMatch(model -> model.definition().capabilities().thinking());
    }

    private static List<CatalogueModelView> views() {
        return SHIPPED.stream().map(model -> new CatalogueModelView(model.name(), model.definition(), true)).toList();
    }
}
