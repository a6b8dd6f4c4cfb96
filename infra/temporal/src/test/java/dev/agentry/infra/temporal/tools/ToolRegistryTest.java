package dev.agentry.infra.temporal.tools;

import dev.agentry.workflows.llm.ToolDefinition;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolRegistryTest {

    private static final ToolContext CONTEXT = new ToolContext("agent-1", "run-1", "owner-1");

    @Test
    void onlyTheAllowedToolsThePlatformHasAreOffered() {
        ToolRegistry registry = new ToolRegistry(List.of(new CurrentTimeTool(Clock.systemUTC()), echo("echo")));

        List<ToolDefinition> offered = registry.definitionsOf(List.of("echo", "launch_rockets"));

        assertThat(offered).extracting(ToolDefinition::name).containsExactly("echo");
        assertThat(offered.get(0).jsonSchema()).contains("\"text\"");
        assertThat(registry.definitionsOf(List.of())).isEmpty();
    }

    @Test
    void aToolIsInvokedByNameWithTheRunsContext() {
        ToolRegistry registry = new ToolRegistry(List.of(echo("echo")));

        ToolOutcome outcome = registry.invoke("echo", "{\"text\":\"hi\"}", CONTEXT);

        assertThat(outcome).isEqualTo(ToolOutcome.success("{\"text\":\"hi\"} for run-1"));
    }

    @Test
    void anUnknownToolAnswersAnErrorInsteadOfThrowing() {
        ToolOutcome outcome = new ToolRegistry(List.of(echo("echo"))).invoke("launch_rockets", "{}", CONTEXT);

        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.content()).contains("launch_rockets");
    }

    @Test
    void twoToolsOfTheSameNameStopTheStart() {
        assertThatThrownBy(() -> new ToolRegistry(List.of(echo("echo"), echo("echo"))))
                .hasMessageContaining("'echo'");
    }

    private static AgentTool echo(String name) {
        return new AgentTool() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return "Repeats its arguments";
            }

            @Override
            public String inputSchema() {
                return "{\"type\":\"object\",\"properties\":{\"text\":{\"type\":\"string\"}}}";
            }

            @Override
            public ToolOutcome invoke(String argumentsJson, ToolContext context) {
                return ToolOutcome.success(argumentsJson + " for " + context.runId());
            }
        };
    }
}
