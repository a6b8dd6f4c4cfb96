package dev.agentry.infra.telemetry.axon;

import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import org.axonframework.tracing.Span;
import org.axonframework.tracing.SpanScope;

/** An Axon span over an OpenTelemetry one, started when Axon starts it. */
final class OpenTelemetrySpan implements Span {

    private final SpanBuilder builder;
    private io.opentelemetry.api.trace.Span span = io.opentelemetry.api.trace.Span.getInvalid();

    OpenTelemetrySpan(SpanBuilder builder) {
        this.builder = builder;
    }

    @Override
    public Span start() {
        span = builder.startSpan();
        return this;
    }

    @Override
    public SpanScope makeCurrent() {
        Scope scope = span.makeCurrent();
        return scope::close;
    }

    @Override
    public void end() {
        span.end();
    }

    @Override
    public Span recordException(Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR);
        return this;
    }

    @Override
    public Span addAttribute(String key, String value) {
        span.setAttribute(key, value);
        return this;
    }
}
