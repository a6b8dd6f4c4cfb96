package dev.agentry.infra.llm.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentry.infra.llm.JsonArguments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.document.Document;

/** Converts between JSON text and the AWS SDK's {@link Document}, in which Converse carries free-form JSON. */
final class JsonDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonDocuments() {
    }

    /** @throws IllegalArgumentException when the text is not a JSON object */
    static Document fromJsonObject(String json) {
        return fromNode(JsonArguments.parseObject(json));
    }

    static String toJson(Document document) {
        return toNode(document).toString();
    }

    private static Document fromNode(JsonNode node) {
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> members.put(field.getKey(), fromNode(field.getValue())));
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> elements = new ArrayList<>();
            node.forEach(element -> elements.add(fromNode(element)));
            return Document.fromList(elements);
        }
        if (node.isNumber()) {
            return Document.fromNumber(node.decimalValue());
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isNull()) {
            return Document.fromNull();
        }
        return Document.fromString(node.asText());
    }

    private static JsonNode toNode(Document document) {
        if (document == null || document.isNull()) {
            return NODES.nullNode();
        }
        if (document.isMap()) {
            ObjectNode object = NODES.objectNode();
            document.asMap().forEach((key, value) -> object.set(key, toNode(value)));
            return object;
        }
        if (document.isList()) {
            ArrayNode array = NODES.arrayNode();
            document.asList().forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (document.isNumber()) {
            return NODES.numberNode(document.asNumber().bigDecimalValue());
        }
        if (document.isBoolean()) {
            return NODES.booleanNode(document.asBoolean());
        }
        return NODES.textNode(document.asString());
    }
}
