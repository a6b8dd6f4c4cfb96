package dev.agentry.infra.temporal.run;

import dev.agentry.workflows.llm.LlmGateway;
import dev.agentry.workflows.run.LlmActivities;
import dev.agentry.infra.temporal.run.LlmActivitiesImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The model-call activity over the configured providers. */
@Configuration(proxyBeanMethods = false)
class LlmActivitiesConfiguration {

    @Bean
    LlmActivities llmActivities(LlmGateway gateway) {
        return new LlmActivitiesImpl(gateway);
    }
}
