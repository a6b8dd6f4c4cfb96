package dev.agentry.command.catalog;

import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RegisterModel;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.agentry.command.RejectedCommand.rejected;
import static dev.agentry.command.api.RejectionCode.INVALID_ARGUMENT;

/** Each rule is checked on first registration and on every later one, so a bad file change is refused too. */
class CatalogueRulesTest {

    private static final String NAME_RULE = "may contain only lower-case letters, digits, '.' and '-', "
            + "and must start with a letter or digit";
    private static final ModelOffering ANTHROPIC = new ModelOffering("anthropic", "claude-opus-4-1-20250805");

    private AggregateTestFixture<CatalogueModel> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogueModel.class);
    }

    @Test
    void aNameOfOneHundredCharactersIsAccepted() {
        String name = "m".repeat(100);
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(name, definition(ReasoningTier.BASIC, false, ANTHROPIC)))
                .expectEvents(new ModelRegistered(name, definition(ReasoningTier.BASIC, false, ANTHROPIC)));
    }

    @Test
    void aNameLongerThanOneHundredCharactersIsRejected() {
        expectRejected("m".repeat(101), definition(ReasoningTier.BASIC, false, ANTHROPIC),
                "model name must be at most 100 characters");
    }

    @Test
    void aModelWithoutANameIsRejected() {
        expectRejected(null, definition(ReasoningTier.BASIC, false, ANTHROPIC), "model name is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Claude", "claude sonnet", "-claude", ".claude", "claude:4", "claude_4",
            "us.anthropic.claude-v1:0", "clåude"})
    void aNameOutsideTheAllowedAlphabetIsRejected(String name) {
        expectRejected(name, definition(ReasoningTier.BASIC, false, ANTHROPIC),
                "model name '" + name + "' " + NAME_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpt-5", "claude-sonnet-4.5", "o3", "4o-mini"})
    void namesOfLettersDigitsDotsAndDashesAreAccepted(String name) {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(name, definition(ReasoningTier.BASIC, false, ANTHROPIC)))
                .expectEvents(new ModelRegistered(name, definition(ReasoningTier.BASIC, false, ANTHROPIC)));
    }

    @Test
    void aModelWithoutATierIsRejected() {
        expectRejected("opus", definition(null, true, ANTHROPIC),
                "model 'opus' needs a tier: basic, standard, advanced or deep");
    }

    @Test
    void aDeepModelMustSupportThinking() {
        expectRejected("opus", definition(ReasoningTier.DEEP, false, ANTHROPIC),
                "model 'opus' is in tier deep, which needs a model that supports thinking");
    }

    @Test
    void aModelWithoutOfferingsIsRejected() {
        expectRejected("opus", definition(ReasoningTier.ADVANCED, true),
                "model 'opus' needs at least one offering (a provider and its model id)");
    }

    @Test
    void anUnknownProviderIsRejected() {
        expectRejected("opus", definition(ReasoningTier.ADVANCED, true, new ModelOffering("vertex", "claude-opus")),
                "model 'opus' names an unknown provider 'vertex'; known providers: "
                        + "anthropic, openai, bedrock, openai-compatible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic", "openai", "bedrock", "openai-compatible"})
    void everyKnownProviderIsAccepted(String provider) {
        ModelDefinition definition = definition(ReasoningTier.ADVANCED, true, new ModelOffering(provider, "some-model"));
        fixture.givenNoPriorActivity()
                .when(new RegisterModel("opus", definition))
                .expectEvents(new ModelRegistered("opus", definition));
    }

    @Test
    void anOfferingWithoutAModelIdIsRejected() {
        expectRejected("opus", definition(ReasoningTier.ADVANCED, true, new ModelOffering("bedrock", " ")),
                "model 'opus' needs a model id of 1 to 200 characters for provider 'bedrock'");
    }

    @Test
    void twoOfferingsOfOneProviderAreRejected() {
        expectRejected("opus", definition(ReasoningTier.ADVANCED, true, ANTHROPIC,
                        new ModelOffering("anthropic", "claude-opus-4-20250514")),
                "model 'opus' has more than one offering for provider 'anthropic'");
    }

    @Test
    void aModelWithoutAFriendlyNameIsRejected() {
        ModelDefinition nameless = new ModelDefinition(" ", ReasoningTier.BASIC, new ModelCapabilities(true, false),
                List.of(ANTHROPIC), 0);
        expectRejected("opus", nameless, "model 'opus' needs a friendly name");
    }

    @Test
    void aModelWithoutCapabilitiesIsRejected() {
        ModelDefinition unknown = new ModelDefinition("Opus", ReasoningTier.BASIC, null, List.of(ANTHROPIC), 0);
        expectRejected("opus", unknown, "model 'opus' needs its capabilities (tools, thinking)");
    }

    @Test
    void aNegativeRankIsRejected() {
        ModelDefinition negative = new ModelDefinition("Opus", ReasoningTier.BASIC, new ModelCapabilities(true, false),
                List.of(ANTHROPIC), -1);
        expectRejected("opus", negative, "model 'opus' has a negative rank");
    }

    @Test
    void aBrokenRedefinitionIsRejectedAndTheModelKeepsItsDefinition() {
        ModelDefinition valid = definition(ReasoningTier.DEEP, true, ANTHROPIC);
        fixture.given(new ModelRegistered("opus", valid))
                .when(new RegisterModel("opus", definition(ReasoningTier.DEEP, false, ANTHROPIC)))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT,
                        "model 'opus' is in tier deep, which needs a model that supports thinking"));
    }

    private void expectRejected(String name, ModelDefinition definition, String message) {
        fixture.givenNoPriorActivity()
                .when(new RegisterModel(name, definition))
                .expectNoEvents()
                .expectException(rejected(INVALID_ARGUMENT, message));
    }

    private static ModelDefinition definition(ReasoningTier tier, boolean thinking, ModelOffering... offerings) {
        return new ModelDefinition("Opus", tier, new ModelCapabilities(true, thinking),
                new ArrayList<>(Arrays.asList(offerings)), 0);
    }
}
