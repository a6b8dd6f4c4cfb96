package dev.agentry.infra.temporal.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.workflows.llm.LlmCallFailure;
import dev.agentry.workflows.llm.LlmRequest;
import dev.agentry.workflows.llm.LlmResponse;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.List;
import java.util.Locale;

/**
 * One model call as the OpenTelemetry GenAI conventions describe it: a {@code chat} client span, and the
 * {@code gen_ai.client.token.usage} and {@code gen_ai.client.operation.duration} histograms.
 */
final class ChatTelemetry {

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
    private static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
    private static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final Tracer tracer;
    private final LongHistogram tokenUsage;
    private final DoubleHistogram duration;
    private final boolean captureContent;

    ChatTelemetry(OpenTelemetry openTelemetry, boolean captureContent) {
        Meter meter = openTelemetry.getMeter("dev.agentry.llm");
        this.tracer = openTelemetry.getTracer("dev.agentry.llm");
        this.tokenUsage = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
                .setDescription("Tokens used per model call, by type (input, output)").build();
        this.duration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
                .setDescription("Duration of model calls").build();
        this.captureContent = captureContent;
    }

    /** The call to the provider, whose failures are the gateway's. */
    @FunctionalInterface
    interface ModelCall {
        LlmResponse call() throws LlmCallFailure;
    }

    LlmResponse chat(String providerName, LlmRequest request, ModelCall call) throws LlmCallFailure {
        long started = System.nanoTime();
        AttributesBuilder common = Attributes.builder().put(OPERATION, "chat").put(PROVIDER, providerName)
                .put(REQUEST_MODEL, request.modelId());
        Span span = tracer.spanBuilder("chat " + request.modelId()).setSpanKind(SpanKind.CLIENT)
                .setAllAttributes(common.build()).startSpan();
        if (captureContent) {
            span.setAttribute(SYSTEM_INSTRUCTIONS, request.systemPrompt());
            span.setAttribute(INPUT_MESSAGES, json(request.messages()));
        }
        try (Scope ignored = span.makeCurrent()) {
            LlmResponse response = call.call();
            if (response.providerModelId() != null) {
                common.put(RESPONSE_MODEL, response.providerModelId());
                span.setAttribute(RESPONSE_MODEL, response.providerModelId());
            }
            span.setAttribute(INPUT_TOKENS, response.usage().inputTokens());
            span.setAttribute(OUTPUT_TOKENS, response.usage().outputTokens());
            span.setAttribute(FINISH_REASONS, List.of(finishReason(response.stopReason())));
            if (captureContent) {
                span.setAttribute(OUTPUT_MESSAGES, json(response.content()));
            }
            Attributes measured = common.build();
            tokenUsage.record(response.usage().inputTokens(), measured.toBuilder().put(TOKEN_TYPE, "input").build());
            tokenUsage.record(response.usage().outputTokens(), measured.toBuilder().put(TOKEN_TYPE, "output").build());
            duration.record(seconds(started), measured);
            return response;
        } catch (LlmCallFailure failure) {
            String errorType = failure.kind().name().toLowerCase(Locale.ROOT);
            span.setAttribute(ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR, errorType);
            duration.record(seconds(started), common.put(ERROR_TYPE, errorType).build());
            throw failure;
        } catch (RuntimeException unexpected) {
            String errorType = unexpected.getClass().getName();
            span.setAttribute(ERROR_TYPE, errorType);
            span.setStatus(StatusCode.ERROR);
            duration.record(seconds(started), common.put(ERROR_TYPE, errorType).build());
            throw unexpected;
        } finally {
            span.end();
        }
    }

    /** The conventions' finish reasons, as OpenAI names them. */
    private static String finishReason(LlmResponse.StopReason reason) {
        return switch (reason) {
            case END_TURN -> "stop";
            case TOOL_USE -> "tool_calls";
            case MAX_TOKENS -> "length";
            case OTHER -> "other";
        };
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
