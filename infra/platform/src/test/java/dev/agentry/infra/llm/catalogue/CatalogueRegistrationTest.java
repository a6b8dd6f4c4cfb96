package dev.agentry.infra.llm.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentry.command.api.DisableModel;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.query.api.CatalogueModelView;
import dev.agentry.query.api.FindCatalogueModel;
import dev.agentry.query.api.ListCatalogueModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogueRegistrationTest {

    @TempDir
    Path home;
    private PostgresTestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void theFileIsRegisteredOnceAndOnlyItsChangesProduceEventsAtLaterStarts() throws Exception {
        Path file = home.resolve("models.json");
        ObjectNode catalogue = shippedCatalogue();
        Files.writeString(file, catalogue.toPrettyString());
        int models = catalogue.withArray("models").size();

        try (RunningPlatform first = RunningPlatform.start(database, home, "agentry.catalogue.file=" + file)) {
            assertThat(catalogueEvents(first)).hasSize(models).allSatisfy(event -> {
                assertThat(event.type()).isEqualTo("ModelRegistered");
                assertThat(event.metaData()).contains("\"actorId\":\"system:catalogue\"")
                        .contains("\"actorName\":\"system:catalogue\"");
            });
            assertThat(first.queryMany(new ListCatalogueModels(), CatalogueModelView.class))
                    .hasSize(models).allMatch(CatalogueModelView::enabled);
            first.send(new DisableModel("claude-haiku-5-5"), "user-admin", "admin");
        }

        try (RunningPlatform unchanged = RunningPlatform.start(database, home, "agentry.catalogue.file=" + file)) {
            assertThat(catalogueEvents(unchanged)).hasSize(models + 1);
            assertThat(unchanged.queryOne(new FindCatalogueModel("claude-haiku-5-5"), CatalogueModelView.class))
                    .get().extracting(CatalogueModelView::enabled).isEqualTo(false);
        }

        ArrayNode entries = catalogue.withArray("models");
        ((ObjectNode) entries.get(0)).put("friendly_name", "Claude Haiku 5.5 (fast)");
        entries.addObject().put("name", "claude-3-7-sonnet").put("friendly_name", "Claude 3.7 Sonnet").put("tier", "standard")
                .set("capabilities", new ObjectMapper().readTree("{\"tools\": true, \"thinking\": true}"));
        ((ObjectNode) entries.get(entries.size() - 1)).set("offerings", new ObjectMapper().readTree(
                "[{\"provider\": \"anthropic\", \"model_id\": \"claude-3-7-sonnet-20250219\"}]"));
        Files.writeString(file, catalogue.toPrettyString());

        try (RunningPlatform changed = RunningPlatform.start(database, home, "agentry.catalogue.file=" + file)) {
            List<StoredEvent> events = catalogueEvents(changed);
            assertThat(events.subList(models + 1, events.size())).extracting(StoredEvent::type, StoredEvent::aggregate)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("ModelRedefined", "model:claude-haiku-5-5"),
                            org.assertj.core.groups.Tuple.tuple("ModelRegistered", "model:claude-3-7-sonnet"));
            CatalogueModelView haiku = changed.queryOne(new FindCatalogueModel("claude-haiku-5-5"), CatalogueModelView.class)
                    .orElseThrow();
            assertThat(haiku.definition().friendlyName()).isEqualTo("Claude Haiku 5.5 (fast)");
            assertThat(haiku.enabled()).isFalse();
        }
    }

    @Test
    void aFileTheCatalogueRefusesStopsTheStartAndNamesTheModel() throws Exception {
        Path file = home.resolve("models.json");
        Files.writeString(file, """
                {"models": [{"name": "deep-without-thinking", "friendly_name": "Shallow", "tier": "deep",
                  "capabilities": {"tools": true, "thinking": false},
                  "offerings": [{"provider": "openai", "model_id": "gpt-4o"}]}]}""");

        assertThatThrownBy(() -> RunningPlatform.start(database, home, "agentry.catalogue.file=" + file).close())
                .rootCause()
                .hasMessage("the model catalogue refuses model 'deep-without-thinking' of " + file
                        + ": model 'deep-without-thinking' is in tier deep, which needs a model that supports thinking");
    }

    private record StoredEvent(String aggregate, String type, String metaData) {
    }

    private static List<StoredEvent> catalogueEvents(RunningPlatform platform) {
        return platform.jdbc().sql("""
                        SELECT aggregate_identifier, payload_type, convert_from(meta_data, 'UTF8') AS meta_data
                        FROM domain_event_entry WHERE aggregate_identifier LIKE 'model:%' ORDER BY global_index
                        """)
                .query((row, n) -> new StoredEvent(row.getString(1),
                        row.getString(2).substring(row.getString(2).lastIndexOf('.') + 1), row.getString(3)))
                .list();
    }

    private static ObjectNode shippedCatalogue() throws Exception {
        try (InputStream shipped = CatalogueRegistrationTest.class.getClassLoader().getResourceAsStream(CatalogueFile.SHIPPED)) {
            return (ObjectNode) new ObjectMapper().readTree(shipped);
        }
    }
}
