package dev.agentry.infra.temporal.tracing;

import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class TemporalTracingConfiguration {

    @Bean
    TemporalTracing temporalTracing(ObjectProvider<OpenTelemetry> openTelemetry, ObjectProvider<JdbcClient> jdbc) {
        return new TemporalTracing(openTelemetry.getIfAvailable(OpenTelemetry::noop), agentNames(jdbc.getIfAvailable()));
    }

    /** From the agents' read model: a name is only a label on the span, so a failed look-up leaves it out. */
    private static AgentNames agentNames(JdbcClient jdbc) {
        if (jdbc == null) {
            return agentId -> java.util.Optional.empty();
        }
        return agentId -> {
            try {
                return jdbc.sql("SELECT name FROM agent_status WHERE agent_id = ?").param(agentId)
                        .query(String.class).optional();
            } catch (RuntimeException unavailable) {
                return java.util.Optional.empty();
            }
        };
    }
}
