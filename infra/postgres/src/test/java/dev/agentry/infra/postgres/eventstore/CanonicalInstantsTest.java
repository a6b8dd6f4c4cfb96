package dev.agentry.infra.postgres.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalInstantsTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(CanonicalInstants.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void readsEveryInstantAsWrittenExactlyAsJacksonDoes() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Instant written = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 250_000_000_000L),
                    random.nextInt(1_000_000_000));
            // writers keep nanoseconds, micro- or milliseconds, or whole seconds
            Instant truncated = switch (i % 4) {
                case 0 -> written;
                case 1 -> written.truncatedTo(ChronoUnit.MICROS);
                case 2 -> written.truncatedTo(ChronoUnit.MILLIS);
                default -> written.truncatedTo(ChronoUnit.SECONDS);
            };
            String text = json.writeValueAsString(truncated);
            assertThat(json.readValue(text, Instant.class)).as(text).isEqualTo(truncated);
            if (truncated.atZone(java.time.ZoneOffset.UTC).getYear() >= 0
                    && truncated.atZone(java.time.ZoneOffset.UTC).getYear() <= 9999) {
                assertThat(CanonicalInstants.parse(text.substring(1, text.length() - 1))).as(text).isEqualTo(truncated);
            }
        }
    }

    @Test
    void leavesEveryOtherFormToJacksonsDeserializer() throws Exception {
        assertThat(json.readValue("\"2026-12-02T21:43:00+01:00\"", Instant.class))
                .isEqualTo(Instant.parse("2026-12-02T20:43:00Z"));
        assertThat(json.readValue("1764708180.5", Instant.class)).isEqualTo(Instant.parse("2025-12-02T20:43:00.5Z"));
        assertThat(CanonicalInstants.parse("2026-02-29T00:00:00Z")).as("no such day").isNull();
        assertThat(CanonicalInstants.parse("2026-12-02T24:00:00Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-12-02T20:43:60Z")).as("a leap second").isNull();
        assertThat(CanonicalInstants.parse("2026-12-02T20:43:00.Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-12-02T20:43:00.1234567890Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-12-02 20:43:00Z")).isNull();
        assertThat(CanonicalInstants.parse("+12026-12-02T20:43:00Z")).isNull();
        assertThat(CanonicalInstants.parse("2026-12-02T20:43:00.07Z")).isEqualTo(Instant.parse("2026-12-02T20:43:00.070Z"));
    }
}
