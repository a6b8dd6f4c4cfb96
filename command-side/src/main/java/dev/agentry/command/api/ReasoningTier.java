package dev.agentry.command.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How hard an agent must think; users choose a tier, not a model id. */
public enum ReasoningTier {
    BASIC, STANDARD, ADVANCED, DEEP;

    public static final ReasoningTier DEFAULT = STANDARD;

    /** The lower-case name used on the wire and in the catalogue file. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReasoningTier> fromWireName(String value) {
        return Arrays.stream(values()).filter(tier -> tier.wireName().equals(value)).findFirst();
    }
}
