package dev.agentry.ops.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The configuration properties the platform binds: those of its own {@code @ConfigurationProperties} records under
 * {@code dev.agentry}, and those Spring Boot and its starters declare in their configuration metadata
 * ({@code server.address}, {@code spring.datasource.url}, ...). An environment variable names one of them when
 * Spring's relaxed binding would bind it there.
 */
final class PlatformConfigurationProperties {

    private final Set<ConfigurationPropertyName> names = new HashSet<>();
    /** Map-valued properties: any key below them binds. */
    private final Set<ConfigurationPropertyName> mapPrefixes = new HashSet<>();

    private PlatformConfigurationProperties() {
    }

    static PlatformConfigurationProperties load() {
        PlatformConfigurationProperties properties = new PlatformConfigurationProperties();
        properties.addAgentryRecords();
        properties.addSpringMetadata();
        return properties;
    }

    /** Whether Spring binds the environment variable to a property the platform knows. */
    boolean bindsEnvironmentVariable(String variable) {
        ConfigurationPropertySource environment = ConfigurationPropertySource.from(
                new SystemEnvironmentPropertySource("manifest", Map.of(variable, "value")));
        return names.stream().anyMatch(name -> environment.getConfigurationProperty(name) != null)
                || mapPrefixes.stream().anyMatch(prefix ->
                environment.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT);
    }

    int size() {
        return names.size() + mapPrefixes.size();
    }

    private void addAgentryRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.agentry")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addRecord(prefix, type);
        }
    }

    private void addRecord(String prefix, Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalStateException(type.getName() + " is not a record: teach this test its properties");
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + DataObjectPropertyName.toDashedForm(component.getName());
            Class<?> valueType = component.getType();
            if (Map.class.isAssignableFrom(valueType)) {
                mapPrefixes.add(ConfigurationPropertyName.of(name));
            } else if (valueType.isRecord() && valueType.getName().startsWith("dev.agentry.")) {
                addRecord(name, valueType);
            } else {
                names.add(ConfigurationPropertyName.of(name));
            }
        }
    }

    private void addSpringMetadata() {
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource metadata : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
                try (InputStream in = metadata.getInputStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.path("name").asText());
                        if (name != null) {
                            (property.path("type").asText().startsWith("java.util.Map") ? mapPrefixes : names).add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
