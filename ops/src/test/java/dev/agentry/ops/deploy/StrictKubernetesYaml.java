package dev.agentry.ops.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes YAML read into the fabric8 model as the API server would validate it: a field the API does not
 * have is an error. fabric8's classes keep unknown fields in "additionalProperties" (a Jackson any-setter);
 * this mapper ignores that catch-all, so Jackson fails on them instead.
 */
final class StrictKubernetesYaml {

    /** The kinds the manifests use, each with the one API version it is written for. */
    private static final Map<String, Kind> KINDS = Map.of(
            "Deployment", new Kind("apps/v1", Deployment.class),
            "Service", new Kind("v1", Service.class),
            "ConfigMap", new Kind("v1", ConfigMap.class),
            "ServiceAccount", new Kind("v1", ServiceAccount.class),
            "PodDisruptionBudget", new Kind("policy/v1", PodDisruptionBudget.class));

    private static final YAMLMapper STRICT = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated member) {
                    return Boolean.FALSE;
                }

                @Override
                public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated member) {
                    return JsonIgnoreProperties.Value.empty();
                }
            })
            .build();

    private record Kind(String apiVersion, Class<? extends HasMetadata> type) {
    }

    private StrictKubernetesYaml() {
    }

    /** Every document of the file, each as its kind's model class. */
    static List<HasMetadata> read(Path file) {
        try (var documents = STRICT.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            List<HasMetadata> resources = new ArrayList<>();
            while (documents.hasNext()) {
                resources.add(parse(documents.next(), file));
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not Kubernetes YAML: " + e.getMessage(), e);
        }
    }

    static HasMetadata parse(String yaml) {
        try {
            return parse(STRICT.readTree(yaml), Path.of("inline"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HasMetadata parse(JsonNode document, Path file) throws IOException {
        String kindName = document.path("kind").asText();
        Kind kind = KINDS.get(kindName);
        if (kind == null) {
            throw new IllegalArgumentException(file + ": kind '" + kindName + "' is not one the manifests use");
        }
        if (!kind.apiVersion().equals(document.path("apiVersion").asText())) {
            throw new IllegalArgumentException(file + ": " + kindName + " is apiVersion " + kind.apiVersion()
                    + ", not " + document.path("apiVersion").asText());
        }
        return STRICT.treeToValue(document, kind.type());
    }
}
