package dev.agentry.infra.postgres.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Set only by {@code projections rebuild --online}, in its own process: the read models are rebuilt into
 * {@code schema} while the platform keeps serving the tables of {@code liveSchema}.
 *
 * @param schema     the shadow schema the rebuild fills (dropped and created anew), or null for no online rebuild
 * @param liveSchema the schema of the tables the platform serves
 * @param readModels the read models to rebuild; the others are left to the live processors
 */
@ConfigurationProperties("agentry.projections.online-rebuild")
public record OnlineRebuildProperties(
        String schema,
        @DefaultValue("public") String liveSchema,
        @DefaultValue({}) List<String> readModels) {

    public OnlineRebuildProperties {
        readModels = List.copyOf(readModels);
    }

    boolean active() {
        return schema != null && !schema.isBlank();
    }
}
