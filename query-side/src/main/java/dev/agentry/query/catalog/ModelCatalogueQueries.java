package dev.agentry.query.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.FindCatalogueModel;
import dev.agentry.query.api.ListCatalogueModels;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Answers catalogue queries from {@code catalogue_models}. */
@Component
class ModelCatalogueQueries {

    private static final TypeReference<List<ModelOffering>> OFFERINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<Map<String, String>>> RETIREMENTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ModelCatalogueQueries(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @QueryHandler
    List<CatalogueModelView> list(ListCatalogueModels query) {
        return jdbc.sql("""
                        SELECT * FROM catalogue_models
                        ORDER BY array_position(ARRAY['BASIC', 'STANDARD', 'ADVANCED', 'DEEP'], tier), rank, name
                        """)
                .query(this::view)
                .list();
    }

    /** Null for a name the catalogue does not hold. */
    @QueryHandler
    CatalogueModelView find(FindCatalogueModel query) {
        return jdbc.sql("SELECT * FROM catalogue_models WHERE name = :name")
                .param("name", query.name())
                .query(this::view)
                .optional()
                .orElse(null);
    }

    private CatalogueModelView view(ResultSet row, int rowNum) throws SQLException {
        ModelDefinition definition = new ModelDefinition(
                row.getString("friendly_name"),
                ReasoningTier.valueOf(row.getString("tier")),
                new ModelCapabilities(row.getBoolean("supports_tools"), row.getBoolean("supports_thinking")),
                offerings(row.getString("offerings")),
                row.getInt("rank"));
        return new CatalogueModelView(row.getString("name"), definition, row.getBoolean("enabled"),
                read(row.getString("offerings_not_found"), RETIREMENTS, "offerings_not_found").stream()
                        .map(retirement -> new CatalogueModelView.OfferingRetirement(retirement.get("provider"),
                                retirement.get("modelId"), retirement.get("reason"), Instant.parse(retirement.get("at"))))
                        .toList());
    }

    private List<ModelOffering> offerings(String offeringsJson) {
        return read(offeringsJson, OFFERINGS, "offerings");
    }

    private <T> T read(String columnJson, TypeReference<T> type, String column) {
        try {
            return json.readValue(columnJson, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("catalogue_models." + column + " is unreadable: " + columnJson, e);
        }
    }
}
