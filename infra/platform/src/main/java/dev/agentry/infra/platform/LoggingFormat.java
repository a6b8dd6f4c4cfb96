package dev.agentry.infra.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Locale;
import java.util.Map;

/**
 * {@code agentry.logging.format=json}: one JSON object per console line (Spring Boot's structured logging
 * in the Logstash layout), with every logging-context entry as a field, so a line logged inside a traced
 * MCP call carries its {@code trace_id} and {@code span_id}. {@code text} (the default) keeps plain lines.
 */
class LoggingFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "agentry.logging.format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(PROPERTY, "text").trim().toLowerCase(Locale.ROOT);
        switch (format) {
            case "json" -> environment.getPropertySources().addLast(new MapPropertySource("agentry-logging-format",
                    Map.of("logging.structured.format.console", "logstash")));
            case "text" -> {
            }
            default -> throw new IllegalStateException(PROPERTY + " is '" + format + "': it must be text or json");
        }
    }
}
