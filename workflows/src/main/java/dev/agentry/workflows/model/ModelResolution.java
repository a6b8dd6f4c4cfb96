package dev.agentry.workflows.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "which model serves this tier (or this model name) now": either a model, or a
 * sentence for the person who can fix it. Not an exception, so a caller can record it as a failed
 * run or show it in {@code list_models} without anything crashing.
 */
public record ModelResolution(ResolvedModel model, String unavailableReason) {

    public ModelResolution {
        if ((model == null) == (unavailableReason == null)) {
            throw new IllegalArgumentException("a resolution has either a model or a reason, not both or neither");
        }
    }

    public static ModelResolution resolved(ResolvedModel model) {
        return new ModelResolution(Objects.requireNonNull(model, "model"), null);
    }

    public static ModelResolution unavailable(String reason) {
        return new ModelResolution(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isResolved() {
        return model != null;
    }

    public Optional<ResolvedModel> asOptional() {
        return Optional.ofNullable(model);
    }
}
