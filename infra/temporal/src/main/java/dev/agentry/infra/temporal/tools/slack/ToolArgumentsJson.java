package dev.agentry.infra.temporal.tools.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;

/** The model's arguments of one call, read leniently; what is wrong is said in words the model can act on. */
final class ToolArgumentsJson {

    /** Arguments the model got wrong; its message is the tool's error answer. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode arguments;

    private ToolArgumentsJson(JsonNode arguments) {
        this.arguments = arguments;
    }

    static ToolArgumentsJson parse(String argumentsJson) {
        try {
            JsonNode parsed = JSON.readTree(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson);
            if (!parsed.isObject()) {
                throw new Invalid("the arguments must be a JSON object");
            }
            return new ToolArgumentsJson(parsed);
        } catch (JsonProcessingException notJson) {
            throw new Invalid("the arguments are not a JSON object: " + notJson.getOriginalMessage());
        }
    }

    String requiredText(String name, int maxLength) {
        String value = optionalText(name).orElseThrow(() -> new Invalid("'%s' is required".formatted(name)));
        if (value.length() > maxLength) {
            throw new Invalid("'%s' is %d characters long; at most %d are allowed".formatted(name, value.length(), maxLength));
        }
        return value;
    }

    Optional<String> optionalText(String name) {
        JsonNode value = arguments.path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    int limit(int defaultLimit, int maxLimit) {
        JsonNode value = arguments.path("limit");
        if (value.isMissingNode() || value.isNull()) {
            return defaultLimit;
        }
        if (!value.canConvertToInt() || value.asInt() < 1 || value.asInt() > maxLimit) {
            throw new Invalid("'limit' must be a whole number from 1 to %d".formatted(maxLimit));
        }
        return value.asInt();
    }
}
