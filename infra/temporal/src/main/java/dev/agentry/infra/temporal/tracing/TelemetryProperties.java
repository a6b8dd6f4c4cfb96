package dev.agentry.infra.temporal.tracing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agentry.telemetry.*}: what the runs' spans may contain.
 *
 * @param captureContent record prompts, completions and tool arguments and results on the GenAI spans;
 *                       off by default, as they may hold what users would not want in a trace store
 */
@ConfigurationProperties("agentry.telemetry")
public record TelemetryProperties(@DefaultValue("false") boolean captureContent) {
}
