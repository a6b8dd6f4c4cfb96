package dev.agentry.infra.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads the JSON the neutral model carries as text (tool arguments, tool schemas) into the JSON
 * objects the Anthropic and Bedrock SDKs want.
 */
public final class JsonArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonArguments() {
    }

    /** @throws IllegalArgumentException when the text is not a JSON object */
    public static ObjectNode parseObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException notJson) {
            throw new IllegalArgumentException("not valid JSON: " + json, notJson);
        }
        throw new IllegalArgumentException("not a JSON object: " + json);
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + value, e);
        }
    }
}
