package dev.agentry.infra.mcp;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The error codes this node's MCP calls answered over the last hour, for {@code system_health}. */
@Component
public class McpErrorLog {

    private static final Duration KEPT = Duration.ofHours(1);

    private record Answered(Instant at, String code) {
    }

    private final ConcurrentLinkedDeque<Answered> errors = new ConcurrentLinkedDeque<>();
    private final Clock clock;

    public McpErrorLog() {
        this(Clock.systemUTC());
    }

    McpErrorLog(Clock clock) {
        this.clock = clock;
    }

    void record(String code) {
        Instant now = clock.instant();
        errors.addLast(new Answered(now, code));
        forgetBefore(now.minus(KEPT));
    }

    /** Errors by code since {@code window} ago (at most an hour). */
    public Map<String, Long> countsOver(Duration window) {
        Instant since = clock.instant().minus(window);
        forgetBefore(clock.instant().minus(KEPT));
        Map<String, Long> counts = new TreeMap<>();
        errors.stream().filter(error -> !error.at().isBefore(since))
                .forEach(error -> counts.merge(error.code(), 1L, Long::sum));
        return counts;
    }

    private void forgetBefore(Instant oldest) {
        Answered first;
        while ((first = errors.peekFirst()) != null && first.at().isBefore(oldest)) {
            errors.pollFirst();
        }
    }
}
