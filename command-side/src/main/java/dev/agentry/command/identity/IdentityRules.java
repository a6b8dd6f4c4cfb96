package dev.agentry.command.identity;

import dev.agentry.command.api.IdentityLimits;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.RejectionCode;

import java.util.regex.Pattern;

/** What user names and API token records must look like. */
final class IdentityRules {

    static final int MAX_USERNAME_LENGTH = IdentityLimits.USERNAME_MAX_LENGTH;
    static final int MAX_TOKEN_ID_LENGTH = IdentityLimits.TOKEN_ID_MAX_LENGTH;
    private static final Pattern USERNAME = Pattern.compile(IdentityLimits.USERNAME_PATTERN);
    /** A hex SHA-256: the secret itself never reaches the event store. */
    private static final Pattern TOKEN_HASH = Pattern.compile("[0-9a-f]{64}");

    private IdentityRules() {
    }

    static void checkUsername(String username) {
        if (username == null || username.isEmpty()) {
            throw invalid("username is required");
        }
        if (username.length() > MAX_USERNAME_LENGTH) {
            throw invalid("username must be at most %d characters".formatted(MAX_USERNAME_LENGTH));
        }
        if (!USERNAME.matcher(username).matches()) {
            throw invalid(("username '%s' may contain only lower-case letters, digits, '.', '_' and '-', "
                    + "and must start with a letter or digit").formatted(username));
        }
    }

    static void checkTokenId(String tokenId) {
        if (tokenId == null || tokenId.isBlank()) {
            throw invalid("token_id is required");
        }
        if (tokenId.length() > MAX_TOKEN_ID_LENGTH) {
            throw invalid("token_id must be at most %d characters".formatted(MAX_TOKEN_ID_LENGTH));
        }
    }

    static void checkTokenHash(String tokenHash) {
        if (tokenHash == null || !TOKEN_HASH.matcher(tokenHash).matches()) {
            throw invalid("token hash must be 64 lower-case hex characters (a SHA-256)");
        }
    }

    static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
    }
}
