package dev.agentry.infra.mcp.catalogue;

import dev.agentry.command.api.Role;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.agentry.infra.mcp.ToolCalls.errorText;
import static dev.agentry.infra.mcp.ToolCalls.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The catalogue tools on the whole platform: the shipped catalogue registered at start, Anthropic
 * configured (a key, never called) and an OpenAI-compatible server that runs one basic model.
 */
class CatalogueToolsTest {

    private static final Caller ADMIN = new Caller("user-admin", "admin", Role.ADMIN);
    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);
    private static final String SERVER_MODEL = "llama-3.1-8b-instruct";

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;
    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        database = PostgresTestDatabase.create();
        platform = RunningPlatform.start(database, home,
                "agentry.providers.anthropic.api-key=sk-ant-never-used",
                "agentry.providers.openai-compatible.base-url=http://127.0.0.1:1/v1",
                "agentry.providers.openai-compatible.models.basic=" + SERVER_MODEL);
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        database.close();
    }

    @Test
    void everyTierResolvesToTheModelOfTheMostPreferredConfiguredProvider() {
        Map<String, Object> listing = listModels(ALICE);

        assertThat(listing).containsEntry("default_tier", "standard");
        assertThat(tiers(listing)).extracting(tier -> tier.get("tier"), tier -> tier.get("model"), tier -> tier.get("friendly_name"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("basic", "claude-haiku-5-5", "Claude Haiku 5.5"),
                        org.assertj.core.groups.Tuple.tuple("standard", "claude-sonnet-5-5", "Claude Sonnet 5.5"),
                        org.assertj.core.groups.Tuple.tuple("advanced", "claude-opus-5-5", "Claude Opus 5.5"),
                        org.assertj.core.groups.Tuple.tuple("deep", "claude-opus-5-5-thinking",
                                "Claude Opus 5.5 with extended thinking"));
        assertThat(tiers(listing)).allSatisfy(tier -> assertThat(tier.get("description").toString()).isNotBlank());
    }

    @Test
    void everyModelSaysWhetherAConfiguredProviderServesItWithoutShowingProviderIds() {
        Map<String, Object> listing = listModels(ALICE);

        assertThat(model(listing, "claude-sonnet-5-5")).containsExactly(entry("name", "claude-sonnet-5-5"),
                entry("friendly_name", "Claude Sonnet 5.5"), entry("tier", "standard"), entry("provider", "anthropic"),
                entry("available", true), entry("enabled", true), entry("supports_tools", true),
                entry("supports_thinking", true));
        assertThat(model(listing, "gpt-5.6-terra")).containsEntry("provider", "openai").containsEntry("available", false)
                .containsEntry("enabled", true);
        assertThat(model(listing, SERVER_MODEL)).containsEntry("provider", "openai-compatible")
                .containsEntry("tier", "basic").containsEntry("available", true);
        assertThat(models(listing)).hasSize(11);
        assertThat(model(listing, "gpt-5.6-terra").get("unavailable_reason"))
                .isEqualTo("no available provider serves model 'gpt-5.6-terra' (configure OPENAI_API_KEY)");
        assertThat(ToolCalls.text(call(new ToolCall("list_models", Map.of()), ALICE)))
                .doesNotContain("us.anthropic", "global.anthropic");
    }

    @Test
    void disablingTheModelATierResolvesToMovesTheTierToTheNextModelAndEnablingMovesItBack() {
        try {
            Map<String, Object> disabled = structured(tool("disable_model"),
                    call(new ToolCall("disable_model", Map.of("name", "claude-sonnet-5-5")), ADMIN));
            assertThat(disabled).containsEntry("name", "claude-sonnet-5-5").containsEntry("enabled", false)
                    .containsEntry("available", false);
            assertThat(tierModel(listModels(ALICE), "standard")).isEqualTo("claude-sonnet-5");

            Map<String, Object> enabled = structured(tool("enable_model"),
                    call(new ToolCall("enable_model", Map.of("name", "claude-sonnet-5-5")), ADMIN));
            assertThat(enabled).containsEntry("enabled", true).containsEntry("available", true);
            assertThat(tierModel(listModels(ALICE), "standard")).isEqualTo("claude-sonnet-5-5");
        } finally {
            enable("claude-sonnet-5-5");
        }
    }

    @Test
    void aTierWhoseCatalogueModelIsDisabledFallsToTheServerWhenItServesTheTier() {
        try {
            call(new ToolCall("disable_model", Map.of("name", "claude-haiku-5-5")), ADMIN);

            assertThat(tierModel(listModels(ALICE), "basic")).isEqualTo(SERVER_MODEL);
        } finally {
            enable("claude-haiku-5-5");
        }
    }

    @Test
    void aTierNothingServesHasNoModelAndAnExplanation() {
        try {
            call(new ToolCall("disable_model", Map.of("name", "claude-opus-5-5-thinking")), ADMIN);

            Map<String, Object> deep = tiers(listModels(ALICE)).get(3);
            assertThat(deep).containsEntry("tier", "deep").containsEntry("model", null).doesNotContainKey("friendly_name");
            assertThat(deep.get("explanation")).isEqualTo("no available provider serves tier 'deep' (configure "
                    + "OPENAI_API_KEY or agentry.providers.openai-compatible.models.deep; "
                    + "or an admin enables 'claude-opus-5-5-thinking')");
        } finally {
            enable("claude-opus-5-5-thinking");
        }
    }

    @Test
    void switchingAModelToTheStateItIsInAppendsNothing() {
        long events = platform.eventCount();

        Map<String, Object> answer = structured(tool("enable_model"),
                call(new ToolCall("enable_model", Map.of("name", "gpt-5.6-terra")), ADMIN));

        assertThat(answer).containsEntry("enabled", true);
        assertThat(platform.eventCount()).isEqualTo(events);
    }

    @Test
    void anUnknownModelIsNotFoundAndAppendsNothing() {
        long events = platform.eventCount();

        assertThat(errorText(call(new ToolCall("disable_model", Map.of("name", "gpt-9")), ADMIN)))
                .isEqualTo("not_found: model 'gpt-9' not found");
        assertThat(errorText(call(new ToolCall("enable_model", Map.of("name", "gpt-9")), ADMIN)))
                .isEqualTo("not_found: model 'gpt-9' not found");
        assertThat(platform.eventCount()).isEqualTo(events);
    }

    @Test
    void theServersModelIsChangedByConfigurationNotByTheSwitches() {
        assertThat(errorText(call(new ToolCall("disable_model", Map.of("name", SERVER_MODEL)), ADMIN)))
                .isEqualTo("failed_precondition: model '" + SERVER_MODEL + "' is not in the catalogue: it is the "
                        + "OpenAI-compatible server's model configured by agentry.providers.openai-compatible.models.basic, "
                        + "and only that configuration changes it");
    }

    @Test
    void aMalformedNameIsAnInvalidArgument() {
        assertThat(errorText(call(new ToolCall("disable_model", Map.of("name", "us.anthropic.claude-v1:0")), ADMIN)))
                .startsWith("invalid_argument: name: ").contains("the model's canonical name, as list_models shows it");
    }

    @Test
    void theSwitchesAreForAdminsOnly() {
        long events = platform.eventCount();

        for (String tool : List.of("enable_model", "disable_model")) {
            assertThat(errorText(call(new ToolCall(tool, Map.of("name", "gpt-5.6-terra")), ALICE)))
                    .isEqualTo("permission_denied: " + tool + " requires the ADMIN role");
        }
        assertThat(platform.eventCount()).isEqualTo(events);
    }

    private record ToolCall(String tool, Map<String, Object> arguments) {
    }

    private static CallToolResult call(ToolCall call, Caller caller) {
        return ToolCalls.call(tool(call.tool()), caller, call.arguments());
    }

    private static McpTool<?> tool(String name) {
        return switch (name) {
            case "list_models" -> platform.bean(ListModelsTool.class);
            case "enable_model" -> platform.bean(EnableModelTool.class);
            case "disable_model" -> platform.bean(DisableModelTool.class);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void enable(String name) {
        structured(tool("enable_model"), call(new ToolCall("enable_model", Map.of("name", name)), ADMIN));
    }

    private static Map<String, Object> listModels(Caller caller) {
        return structured(tool("list_models"), call(new ToolCall("list_models", Map.of()), caller));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tiers(Map<String, Object> listing) {
        return (List<Map<String, Object>>) listing.get("tiers");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> models(Map<String, Object> listing) {
        return (List<Map<String, Object>>) listing.get("models");
    }

    private static Map<String, Object> model(Map<String, Object> listing, String name) {
        return models(listing).stream().filter(model -> model.get("name").equals(name)).findFirst().orElseThrow();
    }

    private static Object tierModel(Map<String, Object> listing, String tier) {
        return tiers(listing).stream().filter(entry -> entry.get("tier").equals(tier)).findFirst().orElseThrow().get("model");
    }
}
