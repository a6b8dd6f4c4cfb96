package dev.agentry.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The ADOT collector configuration under deploy/otel-collector. */
class CollectorConfigurationTest {

    private static final Path CONFIG = Path.of("deploy", "otel-collector", "adot-collector.yaml");

    @Test
    void itReceivesOtlpOverGrpcAndHttpAndEveryPipelineUsesDeclaredComponents() throws IOException {
        JsonNode config = new YAMLMapper().readTree(CONFIG.toFile());

        assertThat(config.at("/receivers/otlp/protocols/grpc/endpoint").asText()).isEqualTo("0.0.0.0:4317");
        assertThat(config.at("/receivers/otlp/protocols/http/endpoint").asText()).isEqualTo("0.0.0.0:4318");
        JsonNode pipelines = config.at("/service/pipelines");
        assertThat(pipelines.fieldNames()).toIterable().containsExactlyInAnyOrder("traces", "metrics", "logs");
        for (JsonNode pipeline : pipelines) {
            for (String section : new String[] {"receivers", "processors", "exporters"}) {
                assertThat(pipeline.path(section)).isNotEmpty().allSatisfy(component ->
                        assertThat(config.path(section).has(component.asText()))
                                .as("%s %s is declared", section, component.asText()).isTrue());
            }
        }
    }
}
