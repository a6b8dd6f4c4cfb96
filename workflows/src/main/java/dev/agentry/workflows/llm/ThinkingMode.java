package dev.agentry.workflows.llm;

import java.util.Objects;

/**
 * How much the model should reason before it answers. Anthropic and Bedrock take a token budget,
 * OpenAI a reasoning effort; each mode converts into the other so any provider can honour it.
 *
 * @param budgetTokens the thinking budget, only for {@link Kind#EXTENDED}
 * @param effort the reasoning effort, only for {@link Kind#REASONING_EFFORT}
 */
public record ThinkingMode(Kind kind, int budgetTokens, ReasoningEffort effort) {

    public enum Kind { NONE, EXTENDED, REASONING_EFFORT }

    public enum ReasoningEffort { LOW, MEDIUM, HIGH }

    // Budgets an effort stands for, and the budgets from which a budget counts as that effort.
    private static final int LOW_BUDGET = 2_048;
    private static final int MEDIUM_BUDGET = 8_192;
    private static final int HIGH_BUDGET = 16_384;

    public ThinkingMode {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.EXTENDED && budgetTokens <= 0) {
            throw new IllegalArgumentException("extended thinking needs a positive token budget");
        }
        if (kind == Kind.REASONING_EFFORT) {
            Objects.requireNonNull(effort, "effort");
        }
    }

    public static ThinkingMode none() {
        return new ThinkingMode(Kind.NONE, 0, null);
    }

    public static ThinkingMode extended(int budgetTokens) {
        return new ThinkingMode(Kind.EXTENDED, budgetTokens, null);
    }

    public static ThinkingMode reasoningEffort(ReasoningEffort effort) {
        return new ThinkingMode(Kind.REASONING_EFFORT, 0, effort);
    }

    public boolean enabled() {
        return kind != Kind.NONE;
    }

    /** The thinking budget in tokens; 0 when thinking is off. */
    public int asBudgetTokens() {
        return switch (kind) {
            case NONE -> 0;
            case EXTENDED -> budgetTokens;
            case REASONING_EFFORT -> switch (effort) {
                case LOW -> LOW_BUDGET;
                case MEDIUM -> MEDIUM_BUDGET;
                case HIGH -> HIGH_BUDGET;
            };
        };
    }

    /** The reasoning effort; null when thinking is off. */
    public ReasoningEffort asReasoningEffort() {
        return switch (kind) {
            case NONE -> null;
            case REASONING_EFFORT -> effort;
            case EXTENDED -> budgetTokens < MEDIUM_BUDGET ? ReasoningEffort.LOW
                    : budgetTokens < HIGH_BUDGET ? ReasoningEffort.MEDIUM
                    : ReasoningEffort.HIGH;
        };
    }
}
