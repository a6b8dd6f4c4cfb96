package dev.agentry.ops.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The manifests under deploy/kubernetes, read as the Kubernetes API and the platform would read them. */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Path.of("deploy", "kubernetes");
    /** Variables read by the JVM itself rather than bound by Spring. */
    private static final Set<String> READ_BY_THE_JVM = Set.of("JAVA_TOOL_OPTIONS");

    private static List<HasMetadata> resources;
    private static PlatformConfigurationProperties properties;

    @BeforeAll
    static void readTheManifests() throws IOException {
        try (Stream<Path> files = Files.list(KUBERNETES)) {
            resources = files.filter(file -> file.toString().endsWith(".yaml")).sorted()
                    .flatMap(file -> StrictKubernetesYaml.read(file).stream()).toList();
        }
        properties = PlatformConfigurationProperties.load();
    }

    @Test
    void everyManifestParsesIntoTheKubernetesModel() {
        assertThat(resources).extracting(resource -> resource.getKind() + "/" + resource.getMetadata().getName())
                .containsExactlyInAnyOrder("Deployment/agentry-api", "Deployment/agentry-worker", "Service/agentry-api",
                        "ConfigMap/agentry-config", "ServiceAccount/agentry", "PodDisruptionBudget/agentry-worker");
        assertThat(resources).allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace()).isEqualTo("agentry"));
    }

    @Test
    void aFieldTheKubernetesApiDoesNotHaveIsRejected() {
        assertThatThrownBy(() -> StrictKubernetesYaml.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: misspelled}
                spec:
                  replica: 2
                """)).hasMessageContaining("replica");
        assertThatThrownBy(() -> StrictKubernetesYaml.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: misspelled}
                spec:
                  ports: [{port: 80, targetport: http}]
                """)).hasMessageContaining("targetport");
        assertThatThrownBy(() -> StrictKubernetesYaml.parse("""
                apiVersion: apps/v1beta1
                kind: Deployment
                metadata: {name: outdated}
                """)).hasMessageContaining("apps/v1");
    }

    @Test
    void everyEnvironmentVariableTheManifestsSetNamesAConfigurationPropertyOfThePlatform() {
        List<String> variables = new ArrayList<>(configMap().getData().keySet());
        deployments().forEach(deployment -> container(deployment).getEnv().forEach(env -> variables.add(env.getName())));

        assertThat(properties.size()).isGreaterThan(100);
        assertThat(variables).hasSizeGreaterThan(10)
                .allSatisfy(variable -> assertThat(READ_BY_THE_JVM.contains(variable) || properties.bindsEnvironmentVariable(variable))
                        .as("%s binds to a configuration property of the platform", variable).isTrue());
        assertThat(deployments()).allSatisfy(deployment -> assertThat(container(deployment).getEnvFrom())
                .allSatisfy(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo("agentry-config")));
    }

    @Test
    void aVariableThatNamesNoPropertyIsNoticed() {
        assertThat(properties.bindsEnvironmentVariable("AGENTRY_TRANSCRIPTS_S3_BUCKET")).isTrue();
        assertThat(properties.bindsEnvironmentVariable("AGENTRY_TEMPORAL_SHUTDOWN_TIMEOUT")).isTrue();
        assertThat(properties.bindsEnvironmentVariable("SERVER_ADDRESS")).isTrue();
        assertThat(properties.bindsEnvironmentVariable("AGENTRY_TRANSCRIPTS_S3_BUCKETS")).isFalse();
        assertThat(properties.bindsEnvironmentVariable("AGENTRY_TEMPORAL_ADDRESS")).isFalse();
        assertThat(properties.bindsEnvironmentVariable("SPRING_DATASOURCE_URI")).isFalse();
    }

    @Test
    void theApiAndWorkerNodesRunTheirRolesAndListenOnThePodAddress() {
        assertThat(configMap().getData()).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        assertThat(env(deployment("agentry-api"))).containsEntry("AGENTRY_NODE_ROLE", "api");
        assertThat(env(deployment("agentry-worker"))).containsEntry("AGENTRY_NODE_ROLE", "worker");
        assertThat(deployment("agentry-worker").getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void aRollingUpdateStopsAnOldPodOnlyOnceItsSuccessorIsReady() {
        assertThat(deployments()).hasSize(2).allSatisfy(deployment -> {
            assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
            Container container = container(deployment);
            assertThat(httpPath(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
            assertThat(httpPath(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
            assertThat(container.getPorts()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo(container.getReadinessProbe().getHttpGet().getPort().getStrVal());
                assertThat(port.getContainerPort()).isEqualTo(Integer.valueOf(configMap().getData().get("SERVER_PORT")));
            });
        });
    }

    @Test
    void theGracePeriodOutlastsThePreStopPauseAndTheShutdownTimeout() {
        Duration shutdownTimeout = DurationStyle.detectAndParse(configMap().getData().get("AGENTRY_TEMPORAL_SHUTDOWN_TIMEOUT"));

        assertThat(deployments()).allSatisfy(deployment -> {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            long preStopSeconds = container(deployment).getLifecycle().getPreStop().getSleep().getSeconds();
            assertThat(preStopSeconds).isPositive();
            assertThat(Duration.ofSeconds(pod.getTerminationGracePeriodSeconds()))
                    .isGreaterThan(shutdownTimeout.plusSeconds(preStopSeconds));
        });
    }

    @Test
    void theServiceReachesTheApiPodsAndTheBudgetKeepsAWorker() {
        Service service = only(Service.class);
        PodDisruptionBudget budget = only(PodDisruptionBudget.class);

        assertThat(podLabels(deployment("agentry-api"))).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(podLabels(deployment("agentry-worker"))).doesNotContainEntry("app.kubernetes.io/component", "api");
        assertThat(podLabels(deployment("agentry-worker"))).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1)
                .isLessThan(deployment("agentry-worker").getSpec().getReplicas());
    }

    @Test
    void everyPodRunsAsTheServiceAccountThatCarriesTheIamRole() {
        ServiceAccount account = only(ServiceAccount.class);

        assertThat(account.getMetadata().getAnnotations().get("eks.amazonaws.com/role-arn")).startsWith("arn:aws:iam::");
        assertThat(deployments()).allSatisfy(deployment -> assertThat(deployment.getSpec().getTemplate().getSpec()
                .getServiceAccountName()).isEqualTo(account.getMetadata().getName()));
    }

    private static String httpPath(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    private static Map<String, String> env(Deployment deployment) {
        Map<String, String> values = new HashMap<>();
        for (EnvVar env : container(deployment).getEnv()) {
            if (env.getValue() != null) {
                values.put(env.getName(), env.getValue());
            }
        }
        return values;
    }

    private static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static Deployment deployment(String name) {
        return deployments().stream().filter(deployment -> deployment.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    private static List<Deployment> deployments() {
        return resources.stream().filter(Deployment.class::isInstance).map(Deployment.class::cast).toList();
    }

    private static ConfigMap configMap() {
        return only(ConfigMap.class);
    }

    private static <T extends HasMetadata> T only(Class<T> kind) {
        List<T> matching = resources.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
