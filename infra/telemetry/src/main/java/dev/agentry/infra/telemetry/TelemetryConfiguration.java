package dev.agentry.infra.telemetry;

import dev.agentry.infra.telemetry.axon.OpenTelemetrySpanFactory;
import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.HashMap;
import java.util.Map;

/**
 * The platform's {@link OpenTelemetry}: the SDK, exporting over OTLP as the {@code OTEL_*} settings say,
 * when they ask for it; otherwise the API's no-op, which starts no thread and sends nothing. Every other
 * module depends on the API only and receives this bean.
 */
@Configuration(proxyBeanMethods = false)
class TelemetryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelemetryConfiguration.class);

    /** Defaults below whatever the settings say. */
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.service.name", "agentry",
            // logs are written by the platform's own logging, with the trace id in each line
            "otel.logs.exporter", "none");

    @Bean
    OpenTelemetry openTelemetry(ConfigurableEnvironment environment) {
        return openTelemetry(OtelSettings.of(environment));
    }

    @Bean
    JvmMetrics jvmMetrics(OpenTelemetry openTelemetry) {
        return new JvmMetrics(openTelemetry);
    }

    /** Axon's spans of commands and events, in the traces of the calls that caused them. */
    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return new OpenTelemetrySpanFactory(openTelemetry);
    }

    static OpenTelemetry openTelemetry(OtelSettings settings) {
        if (!settings.sdkWanted()) {
            return OpenTelemetry.noop();
        }
        Map<String, String> properties = new HashMap<>(DEFAULTS);
        properties.putAll(settings.asMap());
        OpenTelemetry sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> properties)
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
        log.info("OpenTelemetry on: exporting to {} over {}",
                properties.getOrDefault("otel.exporter.otlp.endpoint", "the default OTLP endpoint"),
                properties.getOrDefault("otel.exporter.otlp.protocol", "grpc"));
        return sdk;
    }
}
