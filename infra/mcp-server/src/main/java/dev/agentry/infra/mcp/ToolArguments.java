package dev.agentry.infra.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The arguments of one tool call, after the input schema accepted them: the schema is the only check of
 * their shape, so a tool only binds them into its argument record.
 */
public final class ToolArguments {

    private final Map<String, Object> values;
    private final Set<String> explicitNulls;
    private final ObjectMapper json;

    ToolArguments(Map<String, Object> values, ObjectMapper json) {
        // JSON null and absence bind alike; the nulls are kept apart for the tools that read them as "clear"
        this.values = values.entrySet().stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        this.explicitNulls = values.entrySet().stream().filter(entry -> entry.getValue() == null)
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
        this.json = json;
    }

    /** The arguments bound into a record whose components are the arguments' names in camelCase. */
    public <T> T as(Class<T> type) {
        return json.convertValue(values, type);
    }

    /** One argument's value bound into a type; null when the call did not give it. */
    public <T> T as(String name, Class<T> type) {
        return json.convertValue(values.get(name), type);
    }

    /** The same arguments but the named ones, to bind the rest into a record of their own. */
    public ToolArguments without(String... names) {
        Map<String, Object> rest = new HashMap<>(values);
        explicitNulls.forEach(name -> rest.put(name, null));
        for (String name : names) {
            rest.remove(name);
        }
        return new ToolArguments(rest, json);
    }

    /** Whether the call gave {@code null} for the argument, which some tools read as "clear it". */
    public boolean isExplicitNull(String name) {
        return explicitNulls.contains(name);
    }

    /** The names of the arguments the call gave, {@code null} ones included. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(values.keySet());
        names.addAll(explicitNulls);
        return names;
    }
}
