package dev.agentry.command.catalog;

import dev.agentry.command.api.CatalogueLimits;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.ModelDefinition;
import dev.agentry.command.api.ModelOffering;
import dev.agentry.command.api.ModelProvider;
import dev.agentry.command.api.ReasoningTier;
import dev.agentry.command.api.RejectionCode;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What a catalogue entry must look like before it may be registered. */
final class CatalogueRules {

    static final int MAX_NAME_LENGTH = CatalogueLimits.MODEL_NAME_MAX_LENGTH;
    static final int MAX_FRIENDLY_NAME_LENGTH = CatalogueLimits.FRIENDLY_NAME_MAX_LENGTH;
    static final int MAX_MODEL_ID_LENGTH = CatalogueLimits.MODEL_ID_MAX_LENGTH;
    private static final Pattern NAME = Pattern.compile(CatalogueLimits.MODEL_NAME_PATTERN);
    private static final String KNOWN_PROVIDERS = Arrays.stream(ModelProvider.values())
            .map(ModelProvider::wireName).collect(Collectors.joining(", "));

    private CatalogueRules() {
    }

    static void check(String name, ModelDefinition definition) {
        checkName(name);
        if (definition == null) {
            throw invalid("model '%s' has no definition".formatted(name));
        }
        checkFriendlyName(name, definition.friendlyName());
        if (definition.tier() == null) {
            throw invalid("model '%s' needs a tier: basic, standard, advanced or deep".formatted(name));
        }
        if (definition.capabilities() == null) {
            throw invalid("model '%s' needs its capabilities (tools, thinking)".formatted(name));
        }
        if (definition.tier() == ReasoningTier.DEEP && !definition.capabilities().thinking()) {
            throw invalid("model '%s' is in tier deep, which needs a model that supports thinking".formatted(name));
        }
        if (definition.rank() < 0) {
            throw invalid("model '%s' has a negative rank".formatted(name));
        }
        checkOfferings(name, definition);
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw invalid("model name is required");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw invalid("model name must be at most %d characters".formatted(MAX_NAME_LENGTH));
        }
        if (!NAME.matcher(name).matches()) {
            throw invalid(("model name '%s' may contain only lower-case letters, digits, '.' and '-', "
                    + "and must start with a letter or digit").formatted(name));
        }
    }

    private static void checkFriendlyName(String name, String friendlyName) {
        if (friendlyName == null || friendlyName.isBlank()) {
            throw invalid("model '%s' needs a friendly name".formatted(name));
        }
        if (friendlyName.length() > MAX_FRIENDLY_NAME_LENGTH) {
            throw invalid("the friendly name of model '%s' must be at most %d characters"
                    .formatted(name, MAX_FRIENDLY_NAME_LENGTH));
        }
    }

    private static void checkOfferings(String name, ModelDefinition definition) {
        if (definition.offerings().isEmpty()) {
            throw invalid("model '%s' needs at least one offering (a provider and its model id)".formatted(name));
        }
        Set<String> providers = new HashSet<>();
        for (ModelOffering offering : definition.offerings()) {
            if (offering == null || ModelProvider.fromWireName(offering.provider()).isEmpty()) {
                throw invalid("model '%s' names an unknown provider '%s'; known providers: %s"
                        .formatted(name, offering == null ? null : offering.provider(), KNOWN_PROVIDERS));
            }
            if (offering.modelId() == null || offering.modelId().isBlank()
                    || offering.modelId().length() > MAX_MODEL_ID_LENGTH) {
                throw invalid("model '%s' needs a model id of 1 to %d characters for provider '%s'"
                        .formatted(name, MAX_MODEL_ID_LENGTH, offering.provider()));
            }
            if (!providers.add(offering.provider())) {
                throw invalid("model '%s' has more than one offering for provider '%s'"
                        .formatted(name, offering.provider()));
            }
        }
    }

    private static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
    }
}
