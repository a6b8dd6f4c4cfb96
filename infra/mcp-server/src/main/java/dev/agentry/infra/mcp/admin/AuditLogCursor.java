package dev.agentry.infra.mcp.admin;

import dev.agentry.infra.mcp.ToolFailure;
import dev.agentry.query.api.AuditLog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * audit_log's {@code next_cursor}: the position (time and insertion order) of a page's last entry, opaque to
 * clients as base64url of {@code <ISO-8601 time>|<order>}.
 */
final class AuditLogCursor {

    private static final char SEPARATOR = '|';

    private AuditLogCursor() {
    }

    static String of(AuditLog.Position position) {
        String plain = position.at().toString() + SEPARATOR + position.sequence();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws ToolFailure invalid_argument for anything but a cursor this tool answered */
    static AuditLog.Position parse(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0) {
                throw notOurs();
            }
            return new AuditLog.Position(Instant.parse(plain.substring(0, separator)),
                    Long.parseLong(plain.substring(separator + 1)));
        } catch (IllegalArgumentException | DateTimeParseException unreadable) {
            throw notOurs();
        }
    }

    private static ToolFailure notOurs() {
        return ToolFailure.invalidArgument("cursor: not a next_cursor that audit_log answered; "
                + "pass next_cursor from the previous page unchanged, or leave cursor out for the newest entries");
    }
}
