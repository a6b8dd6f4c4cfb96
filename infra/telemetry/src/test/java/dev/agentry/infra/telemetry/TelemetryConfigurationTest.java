package dev.agentry.infra.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryConfigurationTest {

    @Test
    void withoutAnEndpointTheSdkIsNotInstalledAndNoExporterThreadRuns() {
        java.util.Set<Thread> before = exporterThreads();
        OpenTelemetry telemetry = TelemetryConfiguration.openTelemetry(OtelSettings.of(Map.of()));
        telemetry.getTracer("test").spanBuilder("unseen").startSpan().end();

        assertThat(telemetry).isNotInstanceOf(OpenTelemetrySdk.class);
        assertThat(telemetry.getTracer("test").spanBuilder("x").startSpan().getSpanContext().isValid()).isFalse();
        assertThat(exporterThreads()).isSubsetOf(before);
    }

    @Test
    void anEndpointInstallsTheSdkUnlessItIsDisabled() {
        OpenTelemetry on = TelemetryConfiguration.openTelemetry(OtelSettings.of(Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1", "OTEL_METRICS_EXPORTER", "none")));
        try {
            assertThat(on).isInstanceOf(OpenTelemetrySdk.class);
        } finally {
            ((OpenTelemetrySdk) on).close();
        }
        assertThat(OtelSettings.of(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:1", "OTEL_SDK_DISABLED", "true"))
                .sdkWanted()).isFalse();
        assertThat(OtelSettings.of(Map.of("OTEL_SDK_DISABLED", "false")).sdkWanted()).isTrue();
        assertThat(OtelSettings.of(Map.of("otel.service.name", "agentry")).sdkWanted()).isFalse();
    }

    /** Threads of the SDK's span and metric exporters (whatever another test left running included). */
    private static java.util.Set<Thread> exporterThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("BatchSpanProcessor") || thread.getName().contains("PeriodicMetricReader")
                        || thread.getName().toLowerCase().contains("okhttp"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
