package dev.agentry.infra.llm.catalogue;

import dev.agentry.command.api.DisableModel;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.model.CurrentModels;
import dev.agentry.workflows.model.ModelResolver;
import dev.agentry.workflows.model.ResolvedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The resolver the platform assembles: the registered catalogue, admins' switches and the provider configuration. */
class CurrentModelsTest {

    @Test
    void resolvesOverTheRegisteredCatalogueWithTheConfiguredProviders(@TempDir Path home) {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.providers.anthropic.api-key=sk-ant-test",
                     "agentry.providers.openai-compatible.base-url=http://127.0.0.1:1/v1",
                     "agentry.providers.openai-compatible.models.deep=qwq-32b",
                     "agentry.providers.preference=openai-compatible,anthropic")) {
            platform.send(new DisableModel("claude-sonnet-5-5"), "user-admin", "admin");

            ModelResolver resolver = platform.bean(CurrentModels.class).now();

            assertThat(resolver.resolveTier(ReasoningTier.DEEP).model()).isEqualTo(new ResolvedModel("qwq-32b",
                    "qwq-32b (OpenAI-compatible server)", "openai-compatible", "qwq-32b", false));
            assertThat(resolver.resolveTier(ReasoningTier.STANDARD).model()).isEqualTo(new ResolvedModel(
                    "claude-sonnet-5", "Claude Sonnet 5", "anthropic", "claude-sonnet-5", false));
            assertThat(resolver.resolveTier(ReasoningTier.BASIC).model().providerModelId())
                    .isEqualTo("claude-haiku-5-5");
        }
    }
}
