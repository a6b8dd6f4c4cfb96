package dev.agentry.infra.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> retryAfter(Map<String, String> headers) {
        return RetryAfter.fromHeaders(name -> Optional.ofNullable(headers.get(name)), NOW);
    }

    @Test
    void secondsAreReadAsSeconds() {
        assertThat(retryAfter(Map.of("retry-after", "20"))).contains(Duration.ofSeconds(20));
        assertThat(retryAfter(Map.of("retry-after", "1.5"))).contains(Duration.ofMillis(1500));
    }

    @Test
    void millisecondsWinOverSeconds() {
        assertThat(retryAfter(Map.of("retry-after", "20", "retry-after-ms", "250"))).contains(Duration.ofMillis(250));
    }

    @Test
    void anHttpDateIsTheTimeLeftUntilThen() {
        assertThat(retryAfter(Map.of("retry-after", "Thu, 26 Nov 2026 10:00:30 GMT"))).contains(Duration.ofSeconds(30));
        assertThat(retryAfter(Map.of("retry-after", "Thu, 26 Nov 2026 09:59:00 GMT"))).contains(Duration.ZERO);
    }

    @Test
    void noOrUnreadableHeadersGiveNoDelay() {
        assertThat(retryAfter(Map.of())).isEmpty();
        assertThat(retryAfter(Map.of("retry-after", "soon"))).isEmpty();
        assertThat(retryAfter(Map.of("retry-after-ms", "-5"))).isEmpty();
    }
}
