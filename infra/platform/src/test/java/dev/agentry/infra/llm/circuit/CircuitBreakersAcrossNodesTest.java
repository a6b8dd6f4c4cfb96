package dev.agentry.infra.llm.circuit;

import dev.agentry.command.api.Role;
import dev.agentry.infra.llm.FakeVendorServer;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.ToolCalls;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.infra.postgres.node.NodeRegistry;
import dev.agentry.workflows.llm.ConversationMessage;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmFailureKind;
import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.ThinkingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A breaker counts on the node whose runs call the provider; an API node, which calls no model, reads what the
 * nodes recorded and so tells the truth in {@code list_models}, until the node whose breaker is open is gone.
 */
class CircuitBreakersAcrossNodesTest {

    private static final Caller ALICE = new Caller("user-alice", "alice", Role.USER);

    @TempDir
    Path home;

    @Test
    void anApiNodeShowsTheModelsOfAProviderWhoseBreakerIsOpenOnAWorkerAsUnavailableAndNamesTheNode() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             FakeVendorServer anthropic = FakeVendorServer.start();
             RunningPlatform api = RunningPlatform.start(database, home.resolve("api"), "agentry.node.role=api",
                     "agentry.providers.anthropic.api-key=sk-ant-test",
                     "agentry.providers.anthropic.base-url=" + anthropic.url())) {
            assertThat(model(listModels(api), "claude-sonnet-5-5")).containsEntry("available", true);
            String workerNode;
            try (RunningPlatform worker = RunningPlatform.start(database, home.resolve("worker"), "agentry.node.role=worker",
                    "agentry.providers.anthropic.api-key=sk-ant-test",
                    "agentry.providers.anthropic.base-url=" + anthropic.url(),
                    "agentry.providers.circuit-breaker.failure-threshold=1")) {
                workerNode = worker.bean(NodeRegistry.class).nodeId();
                anthropic.answer(503, """
                        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""");

                LlmCallFailure failure = catchThrowableOfType(LlmCallFailure.class,
                        () -> worker.bean(LlmGateway.class).complete("anthropic", new LlmRequest("claude-sonnet-5-5", "",
                                List.of(ConversationMessage.user("Hello?")), List.of(), 64, ThinkingMode.none())));
                assertThat(failure.kind()).isEqualTo(LlmFailureKind.OVERLOADED);

                Map<String, Object> sonnet = model(listModels(api), "claude-sonnet-5-5");
                assertThat(sonnet).containsEntry("available", false);
                assertThat(sonnet.get("unavailable_reason").toString())
                        .contains("circuit breaker of anthropic is open", "HTTP 503", workerNode);
                // the API node's own breaker never saw a call
                assertThat(api.bean(ProviderCircuitBreakers.class).openProviders()).isEmpty();
                assertThat(tier(listModels(api), "standard").get("explanation").toString())
                        .contains("circuit breaker of anthropic is open");
            }
            // a node that stops takes its breakers with it
            assertThat(model(listModels(api), "claude-sonnet-5-5")).containsEntry("available", true)
                    .doesNotContainKey("unavailable_reason");
        }
    }

    private static Map<String, Object> listModels(RunningPlatform platform) {
        McpTool<?> tool = platform.beans(McpTool.class).stream()
                .filter(candidate -> candidate.definition().name().equals("list_models")).findFirst().orElseThrow();
        return ToolCalls.structured(tool, ToolCalls.call(tool, ALICE, Map.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> model(Map<String, Object> listing, String name) {
        return ((List<Map<String, Object>>) listing.get("models")).stream()
                .filter(model -> name.equals(model.get("name"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tier(Map<String, Object> listing, String tier) {
        return ((List<Map<String, Object>>) listing.get("tiers")).stream()
                .filter(entry -> tier.equals(entry.get("tier"))).findFirst().orElseThrow();
    }
}
