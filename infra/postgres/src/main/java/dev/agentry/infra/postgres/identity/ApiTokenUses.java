package dev.agentry.infra.postgres.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when each API token last authenticated a request, for {@code list_tokens}. A use is written
 * at most once a minute per token and node: it is not an event (a busy token would flood its user's
 * history) and a lost write only makes the time a little older.
 */
@Component
public class ApiTokenUses {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenUses.class);
    private static final Duration PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Map<String, Instant> lastWrittenByToken = new ConcurrentHashMap<>();

    ApiTokenUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Never fails the request it is called for: a store that cannot be written to is logged. */
    public void recordUse(String tokenId, Instant at) {
        Instant lastWritten = lastWrittenByToken.get(tokenId);
        if (lastWritten != null && at.isBefore(lastWritten.plus(PRECISION))) {
            return;
        }
        lastWrittenByToken.put(tokenId, at);
        try {
            jdbc.sql("""
                    INSERT INTO api_token_uses (token_id, last_used_at) VALUES (:tokenId, :at)
                    ON CONFLICT (token_id) DO UPDATE SET last_used_at = GREATEST(api_token_uses.last_used_at, EXCLUDED.last_used_at)
                    """)
                    .param("tokenId", tokenId)
                    .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                    .update();
        } catch (RuntimeException e) {
            lastWrittenByToken.remove(tokenId);
            log.warn("Could not record the use of token {}: {}", tokenId, e.toString());
        }
    }
}
