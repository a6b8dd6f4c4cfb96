package dev.agentry.infra.llm.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.agentry.command.api.ModelCapabilities;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RegisterModel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the catalogue data file into one {@link RegisterModel} per model. A model's rank is its
 * position among the models of its tier in the file. The domain rules are the aggregate's; this
 * checks only what the file format itself needs, and names the file and the model in every error.
 */
final class CatalogueFile {

    static final String SHIPPED = "catalogue/models.json";

    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private CatalogueFile() {
    }

    record Content(String about, List<Entry> models) {
    }

    record Entry(String name, @JsonProperty("friendly_name") String friendlyName, String tier,
                 Capabilities capabilities, List<Offering> offerings) {
    }

    record Capabilities(boolean tools, boolean thinking) {
    }

    record Offering(String provider, @JsonProperty("model_id") String modelId) {
    }

    static List<RegisterModel> read(CatalogueProperties properties) {
        if (properties.file() == null) {
            try (InputStream shipped = CatalogueFile.class.getClassLoader().getResourceAsStream(SHIPPED)) {
                if (shipped == null) {
                    throw new InvalidCatalogueException("the shipped catalogue " + SHIPPED + " is missing from the classpath");
                }
                return parse(shipped.readAllBytes(), "the shipped catalogue " + SHIPPED);
            } catch (IOException e) {
                throw new InvalidCatalogueException("the shipped catalogue " + SHIPPED + " is unreadable: " + e.getMessage());
            }
        }
        Path file = properties.file();
        try {
            return parse(Files.readAllBytes(file), "catalogue file " + file + " (agentry.catalogue.file)");
        } catch (IOException e) {
            throw new InvalidCatalogueException("catalogue file " + file + " (agentry.catalogue.file) is unreadable: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    static List<RegisterModel> parse(byte[] json, String source) {
        Content content;
        try {
            content = STRICT_JSON.readValue(json, Content.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidCatalogueException(source + " is not a valid catalogue: unknown key '" + e.getPropertyName()
                    + "', expected one of " + e.getKnownPropertyIds() + lineOf(e));
        } catch (JsonProcessingException e) {
            throw new InvalidCatalogueException(source + " is not a valid catalogue: " + e.getOriginalMessage() + lineOf(e));
        } catch (IOException e) {
            throw new InvalidCatalogueException(source + " is unreadable: " + e.getMessage());
        }
        if (content == null || content.models() == null || content.models().isEmpty()) {
            throw new InvalidCatalogueException(source + " lists no models");
        }
        Map<ReasoningTier, Integer> nextRank = new EnumMap<>(ReasoningTier.class);
        Set<String> names = new HashSet<>();
        List<RegisterModel> commands = new ArrayList<>();
        for (Entry entry : content.models()) {
            String name = entry.name();
            if (!names.add(name)) {
                throw new InvalidCatalogueException(source + " lists model '" + name + "' twice");
            }
            ReasoningTier tier = ReasoningTier.fromWireName(entry.tier()).orElseThrow(() -> new InvalidCatalogueException(
                    source + ": model '" + name + "' has tier '" + entry.tier() + "'; expected basic, standard, advanced or deep"));
            if (entry.capabilities() == null) {
                throw new InvalidCatalogueException(source + ": model '" + name + "' has no capabilities {tools, thinking}");
            }
            int rank = nextRank.merge(tier, 1, Integer::sum) - 1;
            if (entry.offerings() != null && entry.offerings().contains(null)) {
                throw new InvalidCatalogueException(source + ": model '" + name + "' has an empty offering");
            }
            List<ModelOffering> offerings = entry.offerings() == null ? List.of() : entry.offerings().stream()
                    .map(offering -> new ModelOffering(offering.provider(), offering.modelId()))
                    .toList();
            commands.add(new RegisterModel(name, new ModelDefinition(entry.friendlyName(), tier,
                    new ModelCapabilities(entry.capabilities().tools(), entry.capabilities().thinking()), offerings, rank)));
        }
        return commands;
    }

    private static String lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    static class InvalidCatalogueException extends IllegalStateException {
        InvalidCatalogueException(String message) {
            super(message);
        }
    }
}
