package dev.agentry.infra.mcp;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The JSON arguments of a tool call, read with the same rules as the input schema so that a bad
 * value is refused with a message that names the argument, whether or not the SDK validated first.
 * <p>
 * Absent and {@code null} differ: {@code optional*} readers refuse an explicit null, {@code nullable*}
 * readers treat it like absence (use {@link #isExplicitNull} where null means "clear").
 */
public final class ToolArguments {

    private final String path;
    private final Map<String, Object> values;

    private ToolArguments(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values;
    }

    /** @throws ToolFailure invalid_argument when an argument is not among {@code declared} */
    public static ToolArguments of(Map<String, Object> raw, Collection<String> declared) {
        return of("", raw == null ? Map.of() : raw, declared);
    }

    private static ToolArguments of(String path, Map<String, Object> raw, Collection<String> declared) {
        TreeSet<String> unknown = new TreeSet<>(raw.keySet());
        unknown.removeAll(declared);
        if (!unknown.isEmpty()) {
            String allowed = declared.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declared));
            throw ToolFailure.invalidArgument("unknown argument '" + path + unknown.first() + "' (allowed: " + allowed + ")");
        }
        return new ToolArguments(path, raw);
    }

    /** Wire values for an enum: its constant names in lower case, in declaration order. */
    public static <E extends Enum<E>> Map<String, E> lowerCaseChoices(Class<E> type) {
        return choices(type, constant -> constant.name().toLowerCase(Locale.ROOT));
    }

    /** Wire values for an enum: its constant names as they are, in declaration order. */
    public static <E extends Enum<E>> Map<String, E> upperCaseChoices(Class<E> type) {
        return choices(type, Enum::name);
    }

    private static <E extends Enum<E>> Map<String, E> choices(Class<E> type, Function<E, String> wireName) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            choices.put(wireName.apply(constant), constant);
        }
        return choices;
    }

    /** The names of the arguments given, including those given as null. */
    public Set<String> names() {
        return Set.copyOf(values.keySet());
    }

    public boolean isPresent(String name) {
        return values.containsKey(name);
    }

    public boolean isExplicitNull(String name) {
        return values.containsKey(name) && values.get(name) == null;
    }

    /** A string that is neither blank nor longer than {@code maxLength} characters. */
    public String requiredText(String name, int maxLength) {
        if (!values.containsKey(name)) {
            throw invalid(name, "is required");
        }
        return optionalText(name, maxLength).orElseThrow();
    }

    public Optional<String> optionalText(String name, int maxLength) {
        if (!values.containsKey(name)) {
            return Optional.empty();
        }
        Object value = values.get(name);
        if (!(value instanceof String text)) {
            throw invalid(name, "must be a string");
        }
        if (text.isBlank()) {
            throw invalid(name, text.isEmpty() ? "must not be empty" : "must not be blank");
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw invalid(name, "must be at most " + maxLength + " characters (got " + length + ")");
        }
        return Optional.of(text);
    }

    public Optional<String> nullableText(String name, int maxLength) {
        return isExplicitNull(name) ? Optional.empty() : optionalText(name, maxLength);
    }

    public <E> Optional<E> optionalChoice(String name, Map<String, E> choices) {
        if (!values.containsKey(name)) {
            return Optional.empty();
        }
        Object value = values.get(name);
        String allowed = String.join(", ", choices.keySet());
        if (!(value instanceof String text)) {
            throw invalid(name, "must be one of " + allowed);
        }
        E choice = choices.get(text);
        if (choice == null) {
            throw ToolFailure.invalidArgument(path + name + " '" + text + "' is not one of " + allowed);
        }
        return Optional.of(choice);
    }

    public <E> E choice(String name, Map<String, E> choices, E defaultValue) {
        return optionalChoice(name, choices).orElse(defaultValue);
    }

    public Optional<Boolean> optionalBoolean(String name) {
        if (!values.containsKey(name)) {
            return Optional.empty();
        }
        if (!(values.get(name) instanceof Boolean flag)) {
            throw invalid(name, "must be true or false");
        }
        return Optional.of(flag);
    }

    public Optional<Integer> optionalInteger(String name, int min, int max) {
        if (!values.containsKey(name)) {
            return Optional.empty();
        }
        Object value = values.get(name);
        Long whole = wholeNumber(value);
        if (whole == null) {
            throw invalid(name, "must be an integer");
        }
        if (whole < min || whole > max) {
            throw invalid(name, "must be between " + min + " and " + max + " (got " + whole + ")");
        }
        return Optional.of(whole.intValue());
    }

    public Optional<Integer> nullableInteger(String name, int min, int max) {
        return isExplicitNull(name) ? Optional.empty() : optionalInteger(name, min, max);
    }

    /** A list of distinct, non-blank strings of at most {@code maxLength} characters each. */
    public Optional<List<String>> optionalTextList(String name, int maxItems, int maxLength) {
        if (!values.containsKey(name)) {
            return Optional.empty();
        }
        if (!(values.get(name) instanceof List<?> items)) {
            throw invalid(name, "must be a list of strings");
        }
        if (items.size() > maxItems) {
            throw invalid(name, "must have at most " + maxItems + " entries (got " + items.size() + ")");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw invalid(name, "must be a list of strings");
            }
            if (text.isBlank()) {
                throw invalid(name, "must not hold an empty or blank entry");
            }
            if (text.codePointCount(0, text.length()) > maxLength) {
                throw ToolFailure.invalidArgument(path + name + " entry '" + text + "' is longer than " + maxLength + " characters");
            }
            if (texts.contains(text)) {
                throw ToolFailure.invalidArgument(path + name + " names '" + text + "' twice");
            }
            texts.add(text);
        }
        return Optional.of(List.copyOf(texts));
    }

    /** A nested object whose own arguments are read with the same rules; absent or null: empty. */
    public Optional<ToolArguments> nullableObject(String name, Collection<String> declared) {
        if (!values.containsKey(name) || values.get(name) == null) {
            return Optional.empty();
        }
        if (!(values.get(name) instanceof Map<?, ?> nested)) {
            throw invalid(name, "must be an object");
        }
        Map<String, Object> nestedValues = new LinkedHashMap<>();
        nested.forEach((key, value) -> nestedValues.put(String.valueOf(key), value));
        return Optional.of(of(path + name + ".", nestedValues, declared));
    }

    private static Long wholeNumber(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 63 ? big.longValue() : null;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            try {
                return new BigDecimal(value.toString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                return null;
            }
        }
        return null;
    }

    private ToolFailure invalid(String name, String problem) {
        return ToolFailure.invalidArgument(path + name + " " + problem);
    }
}
