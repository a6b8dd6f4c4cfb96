package dev.agentry.command.api;

/** What catalogue entries may be, published once for the catalogue's rules and the model tools' schemas. */
public final class CatalogueLimits {

    public static final int MODEL_NAME_MAX_LENGTH = 100;
    /** Canonical names: lower-case letters, digits, '.' and '-', starting with a letter or digit. */
    public static final String MODEL_NAME_PATTERN = "^[a-z0-9][a-z0-9.-]*$";
    public static final int FRIENDLY_NAME_MAX_LENGTH = 100;
    public static final int MODEL_ID_MAX_LENGTH = 200;

    private CatalogueLimits() {
    }
}
