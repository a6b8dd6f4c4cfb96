package dev.agentry.command.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The LLM providers a catalogue model can be offered by; the wire names are those of the catalogue file. */
public enum ModelProvider {
    ANTHROPIC, OPENAI, BEDROCK, OPENAI_COMPATIBLE;

    /** {@code anthropic}, {@code openai}, {@code bedrock}, {@code openai-compatible}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ModelProvider> fromWireName(String value) {
        return Arrays.stream(values()).filter(provider -> provider.wireName().equals(value)).findFirst();
    }
}
