package dev.agentry.command.catalog;

import dev.agentry.command.api.DisableModel;
import dev.agentry.command.api.EnableModel;
import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.RecordModelOfferingNotFound;
import dev.agentry.command.api.ModelRedefined;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RegisterModel;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class CatalogueModelTest {

    static final String NAME = "claude-sonnet-4-5";
    static final ModelDefinition SONNET = new ModelDefinition("Claude Sonnet 4.5", ReasoningTier.STANDARD,
            new ModelCapabilities(true, true), List.of(
            new ModelOffering("anthropic", "claude-sonnet-4-5-20250929"),
            new ModelOffering("bedrock", "us.anthropic.claude-sonnet-4-5-20250929-v1:0")), 0);

    private AggregateTestFixture<CatalogueModel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogueModel.class);
    }

    @Test
    void registeringANewModelRegistersIt() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(NAME, SONNET))
                .expectEvents(new ModelRegistered(NAME, SONNET));
    }

    @Test
    void registeringTheSameDefinitionAgainChangesNothing() {
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new RegisterModel(NAME, copyOf(SONNET)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void registeringAChangedDefinitionRedefinesTheModel() {
        ModelDefinition moved = new ModelDefinition("Claude Sonnet 4.5", ReasoningTier.ADVANCED,
                SONNET.capabilities(), SONNET.offerings(), 0);
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new RegisterModel(NAME, moved))
                .expectEvents(new ModelRedefined(NAME, moved));
    }

    @Test
    void aNewOfferingRedefinesTheModel() {
        ModelDefinition anthropicOnly = new ModelDefinition("Claude Sonnet 4.5", ReasoningTier.STANDARD,
                SONNET.capabilities(), SONNET.offerings().subList(0, 1), 0);
        fixture.given(new ModelRegistered(NAME, anthropicOnly))
                .when(new RegisterModel(NAME, SONNET))
                .expectEvents(new ModelRedefined(NAME, SONNET));
    }

    @Test
    void theLatestDefinitionIsWhatARegistrationIsComparedWith() {
        ModelDefinition renamed = new ModelDefinition("Sonnet", ReasoningTier.STANDARD,
                SONNET.capabilities(), SONNET.offerings(), 0);
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelRedefined(NAME, renamed))
                .when(new RegisterModel(NAME, renamed))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void redefiningADisabledModelKeepsItDisabled() {
        ModelDefinition renamed = new ModelDefinition("Sonnet", ReasoningTier.STANDARD,
                SONNET.capabilities(), SONNET.offerings(), 0);
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelDisabled(NAME), new ModelRedefined(NAME, renamed))
                .when(new DisableModel(NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void disablingAnEnabledModelDisablesIt() {
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new DisableModel(NAME))
                .expectEvents(new ModelDisabled(NAME));
    }

    @Test
    void disablingADisabledModelChangesNothing() {
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelDisabled(NAME))
                .when(new DisableModel(NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void enablingADisabledModelEnablesIt() {
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelDisabled(NAME))
                .when(new EnableModel(NAME))
                .expectEvents(new ModelEnabled(NAME));
    }

    @Test
    void aRegisteredModelStartsEnabledSoEnablingItChangesNothing() {
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new EnableModel(NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reRegisteringADisabledModelAtAStartChangesNothing() {
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelDisabled(NAME))
                .when(new RegisterModel(NAME, SONNET))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDisabledModelStaysDisabledWhenItIsRegisteredAgain() {
        fixture.given(new ModelRegistered(NAME, SONNET), new ModelDisabled(NAME))
                .andGivenCommands(new RegisterModel(NAME, SONNET))
                .when(new DisableModel(NAME))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void enablingAModelThatWasNeverRegisteredIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new EnableModel("gpt-9"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void disablingAModelThatWasNeverRegisteredIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DisableModel("gpt-9"))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void eventsOfAModelAreStoredUnderAPrefixedIdentifierSoThatNoUserOrAgentIdCanClash() {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel("user-admin", SONNET))
                .expectEvents(new ModelRegistered("user-admin", SONNET))
                .expectState(model -> org.assertj.core.api.Assertions
                        .assertThat(model).extracting("aggregateIdentifier").isEqualTo("model:user-admin"));
    }

    private static ModelDefinition copyOf(ModelDefinition definition) {
        return new ModelDefinition(definition.friendlyName(), definition.tier(),
                new ModelCapabilities(definition.capabilities().tools(), definition.capabilities().thinking()),
                definition.offerings().stream().map(o -> new ModelOffering(o.provider(), o.modelId())).toList(),
                definition.rank());
    }

    @Test
    void anOfferingItsProviderAnswersAsNotFoundIsRecordedOnce() {
        String reason = "anthropic answered HTTP 404: not_found_error";
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new RecordModelOfferingNotFound(NAME, "anthropic", "claude-sonnet-4-5-20250929", reason))
                .expectEvents(new ModelOfferingNotFound(NAME, "anthropic", "claude-sonnet-4-5-20250929", reason));
        fixture.given(new ModelRegistered(NAME, SONNET),
                        new ModelOfferingNotFound(NAME, "anthropic", "claude-sonnet-4-5-20250929", reason))
                .when(new RecordModelOfferingNotFound(NAME, "anthropic", "claude-sonnet-4-5-20250929", reason))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNotFoundAnswerForAModelIdTheModelNoLongerHasChangesNothing() {
        fixture.given(new ModelRegistered(NAME, SONNET))
                .when(new RecordModelOfferingNotFound(NAME, "anthropic", "claude-sonnet-4-20250514", "gone"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
