package dev.agentry.infra.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.runtimetelemetry.RuntimeTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.springframework.beans.factory.DisposableBean;

/**
 * The JVM's own metrics ({@code jvm.memory.used}, {@code jvm.gc.duration}, {@code jvm.thread.count},
 * {@code jvm.class.loaded}, {@code jvm.cpu.time}, ...) through OpenTelemetry's runtime instrumentation, read from
 * JMX when metrics are collected. Registered only while the SDK is on, so telemetry off costs nothing.
 */
final class JvmMetrics implements DisposableBean {

    private final RuntimeTelemetry runtime;

    JvmMetrics(OpenTelemetry openTelemetry) {
        this.runtime = openTelemetry instanceof OpenTelemetrySdk ? RuntimeTelemetry.create(openTelemetry) : null;
    }

    boolean registered() {
        return runtime != null;
    }

    @Override
    public void destroy() {
        if (runtime != null) {
            runtime.close();
        }
    }
}
