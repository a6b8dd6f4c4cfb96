package dev.agentry.query.catalog;

import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.ModelRedefined;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.Actor;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.FindCatalogueModel;
import dev.agentry.query.api.ListCatalogueModels;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCatalogueProjectionTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private static final Actor CATALOGUE = new Actor("system:catalogue", "system:catalogue");
    private static final Actor ADMIN = new Actor("user-admin", "admin");

    private static final ModelDefinition SONNET = new ModelDefinition("Claude Sonnet 4.5", ReasoningTier.STANDARD,
            new ModelCapabilities(true, true), List.of(
            new ModelOffering("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"),
            new ModelOffering("anthropic", "claude-sonnet-4-5-20250929")), 0);
    private static final ModelDefinition GPT_5_MINI = new ModelDefinition("GPT-5 mini", ReasoningTier.STANDARD,
            new ModelCapabilities(true, false), List.of(new ModelOffering("openai", "gpt-5-mini")), 1);
    private static final ModelDefinition HAIKU = new ModelDefinition("Claude Haiku 4.5", ReasoningTier.BASIC,
            new ModelCapabilities(true, false), List.of(new ModelOffering("anthropic", "claude-haiku-4-5-20251001")), 0);
    private static final ModelDefinition OPUS = new ModelDefinition("Claude Opus 4.1", ReasoningTier.DEEP,
            new ModelCapabilities(true, true), List.of(new ModelOffering("anthropic", "claude-opus-4-1-20250805")), 0);

    private QuerySide querySide;

    @BeforeEach
    void startQuerySideOnAnEmptyCatalogue() {
        // one catalogue per test: the listings below are of the whole catalogue
        database.jdbc().sql("DELETE FROM catalogue_models").update();
        querySide = new QuerySide(database.dataSource());
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void aRegisteredModelIsListedEnabledWithItsWholeDefinition() {
        querySide.modelEvent("claude-sonnet-4-5", new ModelRegistered("claude-sonnet-4-5", SONNET), CATALOGUE);

        assertThat(list()).containsExactly(new CatalogueModelView("claude-sonnet-4-5", SONNET, true));
        assertThat(querySide.queryOptional(new FindCatalogueModel("claude-sonnet-4-5"), CatalogueModelView.class))
                .contains(new CatalogueModelView("claude-sonnet-4-5", SONNET, true));
    }

    @Test
    void modelsAreListedByTierThenRankThenName() {
        querySide.modelEvent("claude-opus-4-1", new ModelRegistered("claude-opus-4-1", OPUS), CATALOGUE);
        querySide.modelEvent("gpt-5-mini", new ModelRegistered("gpt-5-mini", GPT_5_MINI), CATALOGUE);
        querySide.modelEvent("claude-sonnet-4-5", new ModelRegistered("claude-sonnet-4-5", SONNET), CATALOGUE);
        querySide.modelEvent("claude-haiku-4-5", new ModelRegistered("claude-haiku-4-5", HAIKU), CATALOGUE);

        assertThat(list()).extracting(CatalogueModelView::name)
                .containsExactly("claude-haiku-4-5", "claude-sonnet-4-5", "gpt-5-mini", "claude-opus-4-1");
    }

    @Test
    void aRedefinitionReplacesTheDefinitionAndKeepsTheModelsSwitch() {
        ModelDefinition advanced = new ModelDefinition("Sonnet", ReasoningTier.ADVANCED, new ModelCapabilities(false, true),
                List.of(new ModelOffering("anthropic", "claude-sonnet-4-5-20250929")), 3);
        querySide.modelEvent("claude-sonnet-4-5", new ModelRegistered("claude-sonnet-4-5", SONNET), CATALOGUE);
        querySide.modelEvent("claude-sonnet-4-5", new ModelDisabled("claude-sonnet-4-5"), ADMIN);
        querySide.modelEvent("claude-sonnet-4-5", new ModelRedefined("claude-sonnet-4-5", advanced), CATALOGUE);

        assertThat(list()).containsExactly(new CatalogueModelView("claude-sonnet-4-5", advanced, false));
    }

    @Test
    void disablingAndEnablingSwitchTheModel() {
        querySide.modelEvent("claude-haiku-4-5", new ModelRegistered("claude-haiku-4-5", HAIKU), CATALOGUE);
        querySide.modelEvent("claude-opus-4-1", new ModelRegistered("claude-opus-4-1", OPUS), CATALOGUE);

        querySide.modelEvent("claude-haiku-4-5", new ModelDisabled("claude-haiku-4-5"), ADMIN);
        assertThat(list()).extracting(CatalogueModelView::name, CatalogueModelView::enabled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("claude-haiku-4-5", false),
                        org.assertj.core.groups.Tuple.tuple("claude-opus-4-1", true));

        querySide.modelEvent("claude-haiku-4-5", new ModelEnabled("claude-haiku-4-5"), ADMIN);
        assertThat(list()).extracting(CatalogueModelView::enabled).containsExactly(true, true);
    }

    @Test
    void anOfferingAnsweredAsNotFoundIsListedWithWhatTheProviderSaidOnceEvenWhenRedelivered() {
        querySide.modelEvent("claude-sonnet-4-5", new ModelRegistered("claude-sonnet-4-5", SONNET), CATALOGUE);
        DomainEventMessage<?> notFound = querySide.modelEvent("claude-sonnet-4-5", new ModelOfferingNotFound(
                "claude-sonnet-4-5", "anthropic", "claude-sonnet-4-5-20250929", "anthropic answered HTTP 404"), CATALOGUE);

        querySide.redeliver(notFound);

        CatalogueModelView view = list().get(0);
        assertThat(view.retirements()).singleElement().satisfies(retirement -> {
            assertThat(retirement.provider()).isEqualTo("anthropic");
            assertThat(retirement.modelId()).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(retirement.reason()).isEqualTo("anthropic answered HTTP 404");
            assertThat(retirement.at()).isEqualTo(notFound.getTimestamp());
        });
        assertThat(view.retirementOf(new ModelOffering("anthropic", "claude-sonnet-4-5-20250929"))).isPresent();
        assertThat(view.retirementOf(new ModelOffering("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"))).isEmpty();
    }

    @Test
    void anUnknownModelIsNotFound() {
        querySide.modelEvent("claude-haiku-4-5", new ModelRegistered("claude-haiku-4-5", HAIKU), CATALOGUE);

        assertThat(querySide.queryOptional(new FindCatalogueModel("gpt-9"), CatalogueModelView.class)).isEmpty();
    }

    @Test
    void redeliveredEventsChangeNothing() {
        ModelDefinition renamed = new ModelDefinition("Sonnet", ReasoningTier.STANDARD, SONNET.capabilities(),
                SONNET.offerings(), 0);
        DomainEventMessage<?> registered = querySide.modelEvent("claude-sonnet-4-5",
                new ModelRegistered("claude-sonnet-4-5", SONNET), CATALOGUE);
        DomainEventMessage<?> disabled = querySide.modelEvent("claude-sonnet-4-5",
                new ModelDisabled("claude-sonnet-4-5"), ADMIN);
        querySide.modelEvent("claude-sonnet-4-5", new ModelEnabled("claude-sonnet-4-5"), ADMIN);
        querySide.modelEvent("claude-sonnet-4-5", new ModelRedefined("claude-sonnet-4-5", renamed), CATALOGUE);

        querySide.redeliver(registered);
        querySide.redeliver(disabled);

        assertThat(list()).containsExactly(new CatalogueModelView("claude-sonnet-4-5", renamed, true));
    }

    @Test
    void resetForgetsTheWholeCatalogue() {
        querySide.modelEvent("claude-haiku-4-5", new ModelRegistered("claude-haiku-4-5", HAIKU), CATALOGUE);
        querySide.modelEvent("claude-opus-4-1", new ModelRegistered("claude-opus-4-1", OPUS), CATALOGUE);

        querySide.reset("model-catalogue");

        assertThat(database.jdbc().sql("SELECT count(*) FROM catalogue_models").query(Long.class).single()).isZero();
        assertThat(list()).isEmpty();
    }

    private List<CatalogueModelView> list() {
        return querySide.queryList(new ListCatalogueModels(), CatalogueModelView.class);
    }
}
