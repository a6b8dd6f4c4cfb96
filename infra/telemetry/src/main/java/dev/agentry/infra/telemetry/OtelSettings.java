package dev.agentry.infra.telemetry;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standard OpenTelemetry settings ({@code otel.*}) as the SDK's autoconfiguration reads them: from
 * {@code OTEL_*} environment variables and {@code otel.*} system properties, and also from any other
 * Spring property source ({@code --otel.exporter.otlp.endpoint=...}, application.yml), below those two.
 */
final class OtelSettings {

    private static final String PREFIX = "otel.";

    private final Map<String, String> values;

    private OtelSettings(Map<String, String> values) {
        this.values = values;
    }

    static OtelSettings of(ConfigurableEnvironment environment) {
        Map<String, String> values = new TreeMap<>();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> enumerable) {
                for (String name : enumerable.getPropertyNames()) {
                    String key = normalised(name);
                    if (key.startsWith(PREFIX) && !values.containsKey(key)) {
                        // the first source holding a name is the one Spring itself would answer from
                        values.put(key, environment.getProperty(name));
                    }
                }
            }
        });
        return new OtelSettings(values);
    }

    static OtelSettings of(Map<String, String> values) {
        Map<String, String> normalised = new TreeMap<>();
        values.forEach((name, value) -> normalised.put(normalised(name), value));
        return new OtelSettings(normalised);
    }

    /** OTEL_EXPORTER_OTLP_ENDPOINT as otel.exporter.otlp.endpoint, the SDK's own spelling. */
    private static String normalised(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    /**
     * Off unless asked for: an OTLP endpoint is set (and {@code OTEL_SDK_DISABLED} is not true), or
     * {@code OTEL_SDK_DISABLED=false} turns the SDK on with its defaults (OTLP to localhost).
     */
    boolean sdkWanted() {
        String disabled = values.get("otel.sdk.disabled");
        if (disabled != null && !disabled.isBlank()) {
            return !Boolean.parseBoolean(disabled.trim());
        }
        return values.entrySet().stream().anyMatch(entry -> entry.getKey().matches("otel\\.exporter\\.otlp(\\.(traces|metrics))?\\.endpoint")
                && entry.getValue() != null && !entry.getValue().isBlank());
    }

    Map<String, String> asMap() {
        return Map.copyOf(values);
    }
}
