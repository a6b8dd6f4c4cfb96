package dev.agentry.infra.mcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON schema built from the limits the domain publishes, so that a tool's contract is written once.
 * Objects never allow properties they do not declare.
 */
public final class JsonSchema {

    private final Map<String, Object> schema;

    private JsonSchema(Map<String, Object> schema) {
        this.schema = schema;
    }

    private static JsonSchema ofType(String type) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type);
        return new JsonSchema(schema);
    }

    public static JsonSchema string() {
        return ofType("string");
    }

    /** A string of 1 to {@code maxLength} characters. */
    public static JsonSchema text(int maxLength) {
        return string().with("minLength", 1).with("maxLength", maxLength);
    }

    public static JsonSchema dateTime() {
        return string().with("format", "date-time");
    }

    public static JsonSchema integer() {
        return ofType("integer");
    }

    /** A whole number from {@code minimum} to {@code maximum}. */
    public static JsonSchema integer(long minimum, long maximum) {
        return integer().with("minimum", minimum).with("maximum", maximum);
    }

    public static JsonSchema bool() {
        return ofType("boolean");
    }

    /** Any JSON value. */
    public static JsonSchema any() {
        return new JsonSchema(new LinkedHashMap<>());
    }

    /** A value that matches at least one of the schemas. */
    public static JsonSchema anyOf(JsonSchema... options) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("anyOf", Arrays.stream(options).map(option -> option.schema).toList());
        return new JsonSchema(schema);
    }

    /** One of the given strings. */
    public static JsonSchema choice(List<String> values) {
        return string().with("enum", List.copyOf(values));
    }

    /** One of the enum's constants, named in lower case as the tools spell them. */
    public static <E extends Enum<E>> JsonSchema lowerCaseChoice(Class<E> type) {
        return choice(Arrays.stream(type.getEnumConstants()).map(JsonSchema::lowerCase).toList());
    }

    /** One of the enum's constants, named as they are. */
    public static <E extends Enum<E>> JsonSchema upperCaseChoice(Class<E> type) {
        return choice(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    public static JsonSchema arrayOf(JsonSchema items) {
        return ofType("array").with("items", items.schema);
    }

    public static ObjectSchema object() {
        return new ObjectSchema();
    }

    /** The wire name of an enum constant in the tools' lower-case spelling. */
    public static String lowerCase(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    public JsonSchema description(String description) {
        return with("description", description);
    }

    public JsonSchema defaultValue(Object value) {
        return with("default", value);
    }

    public JsonSchema maxItems(int maxItems) {
        return with("maxItems", maxItems);
    }

    public JsonSchema uniqueItems() {
        return with("uniqueItems", true);
    }

    public JsonSchema pattern(String pattern) {
        return with("pattern", pattern);
    }

    /** Also {@code null}, for values that may be absent from an answer or cleared by an argument. */
    public JsonSchema nullable() {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("type", List.of(schema.get("type"), "null"));
        if (schema.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            copy.put("enum", withNull);
        }
        return new JsonSchema(copy);
    }

    public JsonSchema with(String keyword, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put(keyword, value);
        return new JsonSchema(copy);
    }

    /** The schema as plain JSON values. */
    public Map<String, Object> toMap() {
        return schema;
    }

    /** An object schema: each property required or optional, nothing undeclared allowed. */
    public static final class ObjectSchema {

        private final Map<String, Object> properties = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private ObjectSchema() {
        }

        public ObjectSchema required(String name, JsonSchema property) {
            properties.put(name, property.schema);
            required.add(name);
            return this;
        }

        public ObjectSchema optional(String name, JsonSchema property) {
            properties.put(name, property.schema);
            return this;
        }

        /** Makes properties declared before required. */
        public ObjectSchema requiring(String... names) {
            for (String name : names) {
                if (!properties.containsKey(name)) {
                    throw new IllegalArgumentException("no property '" + name + "' to require");
                }
                if (!required.contains(name)) {
                    required.add(name);
                }
            }
            return this;
        }

        /** Every property of another object schema, required where it was. */
        public ObjectSchema including(ObjectSchema other) {
            other.properties.forEach((name, property) -> {
                properties.put(name, property);
                if (other.required.contains(name)) {
                    required.add(name);
                }
            });
            return this;
        }

        public ObjectSchema with(String keyword, Object value) {
            extra.put(keyword, value);
            return this;
        }

        public JsonSchema build() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", new LinkedHashMap<>(properties));
            if (!required.isEmpty()) {
                schema.put("required", List.copyOf(required));
            }
            schema.put("additionalProperties", false);
            schema.putAll(extra);
            return new JsonSchema(schema);
        }
    }
}
