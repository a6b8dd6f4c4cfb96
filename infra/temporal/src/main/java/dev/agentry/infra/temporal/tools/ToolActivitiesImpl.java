package dev.agentry.infra.temporal.tools;

import dev.agentry.infra.temporal.tracing.TelemetryProperties;
import dev.agentry.workflows.run.ToolActivities;
import io.temporal.activity.Activity;
import dev.agentry.workflows.run.ToolContext;
import dev.agentry.workflows.run.ToolOutcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the model's tool calls through the registry, each in a GenAI {@code execute_tool} span and counted
 * by tool and outcome.
 */
@Component
class ToolActivitiesImpl implements ToolActivities {

    private static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    private static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("agentry.tool.outcome");
    private static final AttributeKey<String> ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
    private static final AttributeKey<String> RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");

    private final ToolRegistry registry;
    private final Tracer tracer;
    private final LongCounter calls;
    private final boolean captureContent;

    ToolActivitiesImpl(ToolRegistry registry, ObjectProvider<OpenTelemetry> openTelemetry, TelemetryProperties telemetry) {
        OpenTelemetry otel = openTelemetry.getIfAvailable(OpenTelemetry::noop);
        this.registry = registry;
        this.tracer = otel.getTracer("dev.agentry.tools");
        this.calls = otel.getMeter("dev.agentry.tools").counterBuilder("agentry.tool.calls")
                .setDescription("Tool calls of agents' runs, by tool and outcome (ok, error)").build();
        this.captureContent = telemetry.captureContent();
    }

    @Override
    public ToolOutcome invoke(String toolName, String argumentsJson, ToolContext context) {
        Span span = tracer.spanBuilder("execute_tool " + toolName).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("gen_ai.operation.name", "execute_tool")
                .setAttribute(TOOL_NAME, toolName)
                .startSpan();
        if (context.toolCallId() != null) {
            span.setAttribute(TOOL_CALL_ID, context.toolCallId());
        }
        if (captureContent) {
            span.setAttribute(ARGUMENTS, argumentsJson);
        }
        String outcome = "error";
        try (Scope ignored = span.makeCurrent()) {
            boolean retried = Activity.getExecutionContext().getInfo().getAttempt() > 1;
            ToolOutcome result = registry.invoke(toolName, argumentsJson, context, retried);
            outcome = result.isError() ? "error" : "ok";
            if (result.isError()) {
                span.setStatus(StatusCode.ERROR);
                span.setAttribute("error.type", "tool_error");
            }
            if (captureContent) {
                span.setAttribute(RESULT, result.content());
            }
            return result;
        } catch (RuntimeException failure) {
            span.setStatus(StatusCode.ERROR);
            span.setAttribute("error.type", failure.getClass().getName());
            throw failure;
        } finally {
            calls.add(1, Attributes.of(TOOL_NAME, toolName, OUTCOME, outcome));
            span.end();
        }
    }
}
