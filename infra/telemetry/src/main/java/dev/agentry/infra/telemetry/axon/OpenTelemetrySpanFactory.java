package dev.agentry.infra.telemetry.axon;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import org.axonframework.messaging.Message;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanAttributesProvider;
import org.axonframework.tracing.SpanFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Axon's spans (dispatching and handling commands, processing events) as OpenTelemetry spans. A message
 * carries the context it was sent in as metadata ({@code traceparent}), so that an event handled on any node
 * continues (or links to) the trace of the command that caused it.
 */
public final class OpenTelemetrySpanFactory implements SpanFactory {

    private static final TextMapGetter<Message<?>> METADATA = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Message<?> message) {
            return message.getMetaData().keySet();
        }

        @Override
        public String get(Message<?> message, String key) {
            Object value = message == null ? null : message.getMetaData().get(key);
            return value == null ? null : value.toString();
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final List<SpanAttributesProvider> attributeProviders = new CopyOnWriteArrayList<>();

    public OpenTelemetrySpanFactory(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.agentry.axon");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public Span createRootTrace(Supplier<String> operationName) {
        return new OpenTelemetrySpan(tracer.spanBuilder(operationName.get()).setNoParent().setSpanKind(SpanKind.INTERNAL));
    }

    @Override
    public Span createHandlerSpan(Supplier<String> operationName, Message<?> parentMessage, boolean isChildTrace,
                                  Message<?>... linkedParents) {
        Context sent = propagator.extract(Context.root(), parentMessage, METADATA);
        SpanBuilder span = tracer.spanBuilder(operationName.get()).setSpanKind(SpanKind.CONSUMER);
        io.opentelemetry.api.trace.SpanContext sentSpan = io.opentelemetry.api.trace.Span.fromContext(sent).getSpanContext();
        if (isChildTrace) {
            span.setParent(sent);
        } else {
            span.setNoParent();
            if (sentSpan.isValid()) {
                span.addLink(sentSpan);
            }
        }
        for (Message<?> linked : linkedParents) {
            io.opentelemetry.api.trace.SpanContext other = io.opentelemetry.api.trace.Span.fromContext(
                    propagator.extract(Context.root(), linked, METADATA)).getSpanContext();
            if (other.isValid()) {
                span.addLink(other);
            }
        }
        return withAttributes(span, parentMessage);
    }

    @Override
    public Span createDispatchSpan(Supplier<String> operationName, Message<?> parentMessage, Message<?>... linkedSiblings) {
        return withAttributes(tracer.spanBuilder(operationName.get()).setSpanKind(SpanKind.PRODUCER), parentMessage);
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName) {
        return new OpenTelemetrySpan(tracer.spanBuilder(operationName.get()).setSpanKind(SpanKind.INTERNAL));
    }

    @Override
    public Span createInternalSpan(Supplier<String> operationName, Message<?> message) {
        return withAttributes(tracer.spanBuilder(operationName.get()).setSpanKind(SpanKind.INTERNAL), message);
    }

    @Override
    public void registerSpanAttributeProvider(SpanAttributesProvider provider) {
        attributeProviders.add(provider);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <M extends Message<?>> M propagateContext(M message) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.isEmpty() ? message : (M) message.andMetaData(carrier);
    }

    private Span withAttributes(SpanBuilder span, Message<?> message) {
        if (message != null) {
            attributeProviders.forEach(provider -> provider.provideForMessage(message).forEach(span::setAttribute));
        }
        return new OpenTelemetrySpan(span);
    }
}
