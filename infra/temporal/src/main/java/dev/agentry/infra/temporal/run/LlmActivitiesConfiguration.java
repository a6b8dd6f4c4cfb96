package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.infra.temporal.run.LlmActivitiesImpl;
import dev.agentry.infra.temporal.tracing.TelemetryProperties;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model-call activity over the configured providers. */
@Configuration(proxyBeanMethods = false)
class LlmActivitiesConfiguration {

    @Bean
    LlmActivities llmActivities(LlmGateway gateway, ObjectProvider<OpenTelemetry> openTelemetry,
                                TelemetryProperties telemetry) {
        return new LlmActivitiesImpl(gateway, openTelemetry.getIfAvailable(OpenTelemetry::noop), telemetry.captureContent());
    }
}
