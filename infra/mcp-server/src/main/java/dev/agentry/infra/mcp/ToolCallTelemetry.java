package dev.agentry.infra.mcp;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import org.slf4j.MDC;

/**
 * Each MCP tool call as a server span ({@code tools/call <tool>}) and in the
 * {@code mcp.server.operation.duration} histogram by tool and error code, its errors in the {@link McpErrorLog}. While the call runs, its trace
 * and span ids are in the logging context ({@code trace_id}, {@code span_id}), so its log lines name them.
 */
final class ToolCallTelemetry {

    static final AttributeKey<String> METHOD = AttributeKey.stringKey("mcp.method.name");
    static final AttributeKey<String> TOOL = AttributeKey.stringKey("gen_ai.tool.name");
    static final AttributeKey<String> USER = AttributeKey.stringKey("enduser.id");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final String TRACE_ID = "trace_id";
    static final String SPAN_ID = "span_id";

    private final Tracer tracer;
    private final DoubleHistogram duration;
    private final McpErrorLog errors;

    /** Its errors counted for no one, for calls outside a server. */
    ToolCallTelemetry(OpenTelemetry openTelemetry) {
        this(openTelemetry, new McpErrorLog());
    }

    ToolCallTelemetry(OpenTelemetry openTelemetry, McpErrorLog errors) {
        this.errors = errors;
        this.tracer = openTelemetry.getTracer("dev.agentry.mcp");
        this.duration = openTelemetry.getMeter("dev.agentry.mcp").histogramBuilder("mcp.server.operation.duration")
                .setUnit("s").setDescription("MCP tool calls, by tool and error code").build();
    }

    /** A call being served; close it once the answer is known. */
    Call start(String toolName) {
        Span span = tracer.spanBuilder("tools/call " + toolName).setSpanKind(SpanKind.SERVER)
                .setAttribute(METHOD, "tools/call").setAttribute(TOOL, toolName).startSpan();
        return new Call(toolName, span, span.makeCurrent(), System.nanoTime());
    }

    final class Call implements AutoCloseable {

        private final String toolName;
        private final Span span;
        private final Scope scope;
        private final long startedNanos;
        private String errorCode;

        private Call(String toolName, Span span, Scope scope, long startedNanos) {
            this.toolName = toolName;
            this.span = span;
            this.scope = scope;
            this.startedNanos = startedNanos;
            SpanContext context = span.getSpanContext();
            if (context.isValid()) {
                MDC.put(TRACE_ID, context.getTraceId());
                MDC.put(SPAN_ID, context.getSpanId());
            }
        }

        void caller(String userId) {
            span.setAttribute(USER, userId);
        }

        void failed(ToolFailure failure) {
            errorCode = failure.code().wireName();
            errors.record(errorCode);
            span.setAttribute(ERROR_TYPE, errorCode);
            span.setStatus(StatusCode.ERROR, errorCode);
        }

        @Override
        public void close() {
            AttributesBuilder attributes = Attributes.builder().put(METHOD, "tools/call").put(TOOL, toolName);
            if (errorCode != null) {
                attributes.put(ERROR_TYPE, errorCode);
            }
            duration.record((System.nanoTime() - startedNanos) / 1e9, attributes.build());
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
            scope.close();
            span.end();
        }
    }
}
