package dev.agentry.infra.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.temporal.EmbeddedTemporalService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes probes on a running platform, on its MCP port: liveness answers while the process does,
 * readiness only while the event processors run and PostgreSQL and Temporal answer. Temporal here is the in-memory
 * service started by the test as if it were a cluster, so that the test can stop it under the running platform.
 */
class HealthProbesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;
    private static PostgresTestDatabase database;

    @BeforeAll
    static void createTheDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterAll
    static void dropTheDatabase() {
        database.close();
    }

    @Test
    void readinessFollowsTemporalAndTheEventProcessorsWhileLivenessStaysUp() throws Exception {
        EmbeddedTemporalService temporal = EmbeddedTemporalService.start(0);
        try (ConfigurableApplicationContext platform = start("agentry.temporal.target=" + temporal.target())) {
            Probe readiness = probe(platform, "readiness");
            Probe liveness = probe(platform, "liveness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.body().path("status").asText()).isEqualTo("UP");
            assertThat(readiness.components()).containsExactlyInAnyOrder("db", "temporal", "eventProcessors", "readinessState");
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.components()).containsExactly("livenessState");

            temporal.close();

            Probe withoutTemporal = probe(platform, "readiness");
            assertThat(withoutTemporal.status()).isEqualTo(503);
            assertThat(withoutTemporal.body().path("status").asText()).isEqualTo("DOWN");
            assertThat(withoutTemporal.component("temporal")).isEqualTo("DOWN");
            assertThat(withoutTemporal.component("db")).isEqualTo("UP");
            assertThat(withoutTemporal.component("eventProcessors")).isEqualTo("UP");
            assertThat(probe(platform, "liveness").status()).isEqualTo(200);

            platform.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);

            Probe withoutProcessors = probe(platform, "readiness");
            assertThat(withoutProcessors.status()).isEqualTo(503);
            assertThat(withoutProcessors.component("eventProcessors")).isEqualTo("DOWN");
            assertThat(withoutProcessors.component("db")).isEqualTo("UP");
            Probe stillAlive = probe(platform, "liveness");
            assertThat(stillAlive.status()).isEqualTo(200);
            assertThat(stillAlive.body().path("status").asText()).isEqualTo("UP");
        } finally {
            temporal.close();
        }
    }

    private static ConfigurableApplicationContext start(String temporal) {
        // arguments, not default properties, so that they win over application.yml
        return new SpringApplicationBuilder(AgentryApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + PostgresTestDatabase.USER,
                "--agentry.home=" + home,
                "--agentry.admin-token=agt_health_probe_test_admin_token",
                "--agentry.reconciliation.on-startup=false",
                "--agentry.temporal.shutdown-timeout=1s",
                "--" + temporal);
    }

    private record Probe(int status, JsonNode body) {

        List<String> components() {
            List<String> names = new ArrayList<>();
            body.path("components").fieldNames().forEachRemaining(names::add);
            return names;
        }

        String component(String name) {
            return body.path("components").path(name).path("status").asText();
        }
    }

    private static Probe probe(ConfigurableApplicationContext platform, String group) throws IOException, InterruptedException {
        String port = platform.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/" + group)).build(), HttpResponse.BodyHandlers.ofString());
        return new Probe(response.statusCode(), JSON.readTree(response.body()));
    }

}
