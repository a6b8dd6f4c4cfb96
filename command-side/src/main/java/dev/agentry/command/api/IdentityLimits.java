package dev.agentry.command.api;

/** What user names and token ids may be, published once for the identity rules and the admin tools' schemas. */
public final class IdentityLimits {

    public static final int USERNAME_MAX_LENGTH = 64;
    /** Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit. */
    public static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]*$";
    public static final int TOKEN_ID_MAX_LENGTH = 64;
    /** The longest lifetime a token can be issued with; a token without expiry has none. */
    public static final int TOKEN_EXPIRY_MAX_DAYS = 3650;

    private IdentityLimits() {
    }
}
