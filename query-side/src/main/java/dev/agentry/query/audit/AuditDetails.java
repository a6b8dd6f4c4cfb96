package dev.agentry.query.audit;

import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.Schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code details} of an audit entry, in the snake_case shape of the public interface. */
final class AuditDetails {

    private AuditDetails() {
    }

    static Map<String, Object> none() {
        return Map.of();
    }

    /** Only the token id: the hash is a credential and never leaves the identity read model. */
    static Map<String, Object> token(String tokenId) {
        return Map.of("token_id", tokenId);
    }

    static Map<String, Object> settings(AgentSettings settings) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", settings.name());
        details.put("instructions", settings.instructions());
        details.put("tier", settings.tier() == null ? null : settings.tier().wireName());
        details.put("model", settings.model());
        details.put("schedule", schedule(settings.schedule()));
        details.put("tools", settings.tools());
        details.put("overlap", wireName(settings.overlap()));
        details.put("catch_up", wireName(settings.catchUp()));
        details.put("max_consecutive_failures", settings.maxConsecutiveFailures());
        return Collections.unmodifiableMap(details);
    }

    private static Map<String, Object> schedule(Schedule schedule) {
        return schedule == null ? null : Map.of("cron", schedule.cron(), "timezone", schedule.timezone());
    }

    private static String wireName(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
