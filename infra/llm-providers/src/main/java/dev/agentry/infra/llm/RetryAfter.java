package dev.agentry.infra.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The delay a server asks for before the next attempt: {@code retry-after-ms} (milliseconds, sent
 * by OpenAI and Anthropic) wins over {@code retry-after} (seconds or an HTTP date).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /** @param header the first value of a response header by case-insensitive name */
    public static Optional<Duration> fromHeaders(Function<String, Optional<String>> header, Clock clock) {
        Optional<Duration> millis = header.apply("retry-after-ms").flatMap(RetryAfter::milliseconds);
        if (millis.isPresent()) {
            return millis;
        }
        return header.apply("retry-after").flatMap(value -> secondsOrDate(value.trim(), clock));
    }

    private static Optional<Duration> milliseconds(String value) {
        try {
            double millis = Double.parseDouble(value.trim());
            return millis < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(millis)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> secondsOrDate(String value, Clock clock) {
        try {
            double seconds = Double.parseDouble(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
