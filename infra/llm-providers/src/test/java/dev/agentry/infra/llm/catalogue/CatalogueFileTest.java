package dev.agentry.infra.llm.catalogue;

import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RegisterModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueFileTest {

    @Test
    void eachModelBecomesARegistrationRankedByItsPlaceInItsTier() {
        List<RegisterModel> models = parse("""
                {"models": [
                  {"name": "fast", "friendly_name": "Fast", "tier": "basic",
                   "capabilities": {"tools": true, "thinking": false},
                   "offerings": [{"provider": "anthropic", "model_id": "fast-2025"}]},
                  {"name": "steady", "friendly_name": "Steady", "tier": "standard",
                   "capabilities": {"tools": true, "thinking": true},
                   "offerings": [{"provider": "bedrock", "model_id": "us.steady-v1:0"}, {"provider": "openai", "model_id": "steady"}]},
                  {"name": "fast-too", "friendly_name": "Fast too", "tier": "basic",
                   "capabilities": {"tools": false, "thinking": false},
                   "offerings": [{"provider": "openai", "model_id": "fast-too"}]}
                ]}""");

        assertThat(models).containsExactly(
                new RegisterModel("fast", new ModelDefinition("Fast", ReasoningTier.BASIC, new ModelCapabilities(true, false),
                        List.of(new ModelOffering("anthropic", "fast-2025")), 0)),
                new RegisterModel("steady", new ModelDefinition("Steady", ReasoningTier.STANDARD,
                        new ModelCapabilities(true, true),
                        List.of(new ModelOffering("bedrock", "us.steady-v1:0"), new ModelOffering("openai", "steady")), 0)),
                new RegisterModel("fast-too", new ModelDefinition("Fast too", ReasoningTier.BASIC,
                        new ModelCapabilities(false, false), List.of(new ModelOffering("openai", "fast-too")), 1)));
    }

    @Test
    void anUnknownTierIsRefusedWithTheFileAndTheModel() {
        assertThatThrownBy(() -> parse("""
                {"models": [{"name": "huge", "friendly_name": "Huge", "tier": "ultra",
                  "capabilities": {"tools": true, "thinking": true}, "offerings": []}]}"""))
                .hasMessage("test.json: model 'huge' has tier 'ultra'; expected basic, standard, advanced or deep");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> parse("""
                {"models": [{"name": "huge", "friendlyName": "Huge", "tier": "deep",
                  "capabilities": {"tools": true, "thinking": true}, "offerings": []}]}"""))
                .hasMessageStartingWith("test.json is not a valid catalogue: unknown key 'friendlyName', expected one of [")
                .hasMessageContaining("friendly_name")
                .hasMessageEndingWith("(line 2)");
    }

    @Test
    void aModelListedTwiceIsRefused() {
        String model = """
                {"name": "same", "friendly_name": "Same", "tier": "basic",
                 "capabilities": {"tools": true, "thinking": false}, "offerings": [{"provider": "openai", "model_id": "x"}]}""";
        assertThatThrownBy(() -> parse("{\"models\": [" + model + "," + model + "]}"))
                .hasMessage("test.json lists model 'same' twice");
    }

    @Test
    void aModelWithoutCapabilitiesIsRefused() {
        assertThatThrownBy(() -> parse("""
                {"models": [{"name": "bare", "friendly_name": "Bare", "tier": "basic",
                  "offerings": [{"provider": "openai", "model_id": "x"}]}]}"""))
                .hasMessage("test.json: model 'bare' has no capabilities {tools, thinking}");
    }

    @Test
    void aFileWithoutModelsIsRefused() {
        assertThatThrownBy(() -> parse("{\"about\": \"nothing\", \"models\": []}"))
                .hasMessage("test.json lists no models");
    }

    @Test
    void anOperatorsFileReplacesTheShippedOne(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("models.json");
        Files.writeString(file, """
                {"models": [{"name": "local", "friendly_name": "Local", "tier": "standard",
                  "capabilities": {"tools": true, "thinking": false}, "offerings": [{"provider": "openai", "model_id": "l"}]}]}""");

        assertThat(CatalogueFile.read(new CatalogueProperties(file))).extracting(RegisterModel::name).containsExactly("local");
        assertThat(CatalogueFile.read(new CatalogueProperties(null))).extracting(RegisterModel::name)
                .contains("claude-sonnet-5-5").doesNotContain("local");
    }

    @Test
    void aMissingOperatorsFileIsNamedInTheError(@TempDir Path folder) {
        Path missing = folder.resolve("absent.json");

        assertThatThrownBy(() -> CatalogueFile.read(new CatalogueProperties(missing)))
                .hasMessageStartingWith("catalogue file " + missing + " (agentry.catalogue.file) is unreadable");
    }

    private static List<RegisterModel> parse(String json) {
        return CatalogueFile.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
    }
}
