package dev.agentry.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.ModelRedefined;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.agentry.query.write.ReadModelWrites.utc;

/**
 * Keeps one row per model in {@code catalogue_models}. Every write is guarded by the aggregate
 * sequence number, so a redelivered or stale event leaves the row as it is.
 */
@Component
@ProcessingGroup(ReadModel.MODEL_CATALOGUE)
class ModelCatalogueProjection {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ModelCatalogueProjection(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(ModelRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        StatementSpec insert = jdbc.sql("""
                INSERT INTO catalogue_models (name, friendly_name, tier, rank, supports_tools, supports_thinking,
                    offerings, enabled, registered_at, updated_at, version)
                VALUES (:name, :friendlyName, :tier, :rank, :tools, :thinking,
                    CAST(:offerings AS jsonb), TRUE, :at, :at, :version)
                ON CONFLICT (name) DO NOTHING
                """);
        withDefinition(insert, event.name(), event.definition(), sequence, at).update();
    }

    @EventHandler
    void on(ModelRedefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        StatementSpec update = jdbc.sql("""
                UPDATE catalogue_models
                SET friendly_name = :friendlyName, tier = :tier, rank = :rank, supports_tools = :tools,
                    supports_thinking = :thinking, offerings = CAST(:offerings AS jsonb),
                    updated_at = :at, version = :version
                WHERE name = :name AND version < :version
                """);
        withDefinition(update, event.name(), event.definition(), sequence, at).update();
    }

    @EventHandler
    void on(ModelEnabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setEnabled(event.name(), true, sequence, at);
    }

    @EventHandler
    void on(ModelDisabled event, @SequenceNumber long sequence, @Timestamp Instant at) {
        setEnabled(event.name(), false, sequence, at);
    }

    @EventHandler
    void on(ModelOfferingNotFound event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE catalogue_models
                SET offerings_not_found = offerings_not_found || CAST(:retirement AS jsonb), updated_at = :at, version = :version
                WHERE name = :name AND version < :version
                """)
                .param("name", event.name())
                .param("retirement", retirementJson(event, at))
                .param("at", utc(at))
                .param("version", sequence)
                .update();
    }

    @ResetHandler
    void forgetTheCatalogue() {
        jdbc.sql("DELETE FROM catalogue_models").update();
    }

    private void setEnabled(String name, boolean enabled, long sequence, Instant at) {
        jdbc.sql("""
                UPDATE catalogue_models SET enabled = :enabled, updated_at = :at, version = :version
                WHERE name = :name AND version < :version
                """)
                .param("name", name)
                .param("enabled", enabled)
                .param("at", utc(at))
                .param("version", sequence)
                .update();
    }

    private StatementSpec withDefinition(StatementSpec statement, String name, ModelDefinition definition,
                                         long sequence, Instant at) {
        return statement
                .param("name", name)
                .param("friendlyName", definition.friendlyName())
                .param("tier", definition.tier().name())
                .param("rank", definition.rank())
                .param("tools", definition.capabilities().tools())
                .param("thinking", definition.capabilities().thinking())
                .param("offerings", offeringsJson(definition))
                .param("at", utc(at))
                .param("version", sequence);
    }

    private String offeringsJson(ModelDefinition definition) {
        try {
            return json.writeValueAsString(definition.offerings());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("offerings are not serialisable: " + definition.offerings(), e);
        }
    }

    /** A one-element array, to append; the time as ISO-8601 text, whatever the mapper's modules. */
    private String retirementJson(ModelOfferingNotFound event, Instant at) {
        try {
            return json.writeValueAsString(List.of(Map.of("provider", event.provider(), "modelId", event.modelId(),
                    "reason", event.reason(), "at", at.toString())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + event, e);
        }
    }
}
