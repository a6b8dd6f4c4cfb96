package dev.agentry.infra.mcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.util.Map;

/**
 * How tool arguments bind into records and answers become JSON: snake_case names, ISO-8601 instants,
 * and every component present (null included), as the output schemas require.
 */
public final class ToolJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ToolJson() {
    }

    /** The answer record as the plain JSON values of a structured result. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> answer(Object answer) {
        return MAPPER.convertValue(answer, Map.class);
    }
}
