package dev.agentry.command.api;

import java.util.List;
import java.util.Set;

/**
 * A partial update: a null field keeps the current value; a field named in {@code cleared}
 * is set to null (only the nullable settings named by {@link Field} may be cleared).
 */
public record AgentSettingsChange(
        String name,
        String instructions,
        ReasoningTier tier,
        String model,
        Schedule schedule,
        List<String> tools,
        OverlapPolicy overlap,
        CatchUpPolicy catchUp,
        Integer maxConsecutiveFailures,
        NotifyPolicy notifications,
        Long maxTokensPerRun,
        Long maxTokensPerDay,
        Set<Field> cleared) {

    public enum Field { MODEL, SCHEDULE, MAX_CONSECUTIVE_FAILURES, MAX_TOKENS_PER_RUN, MAX_TOKENS_PER_DAY }

    public AgentSettingsChange {
        tools = tools == null ? null : List.copyOf(tools);
        cleared = cleared == null ? Set.of() : Set.copyOf(cleared);
    }

    /** The settings that result from applying this change to {@code current}. */
    public AgentSettings applyTo(AgentSettings current) {
        return new AgentSettings(
                name != null ? name : current.name(),
                instructions != null ? instructions : current.instructions(),
                tier != null ? tier : current.tier(),
                cleared.contains(Field.MODEL) ? null : model != null ? model : current.model(),
                cleared.contains(Field.SCHEDULE) ? null : schedule != null ? schedule : current.schedule(),
                tools != null ? tools : current.tools(),
                overlap != null ? overlap : current.overlap(),
                catchUp != null ? catchUp : current.catchUp(),
                cleared.contains(Field.MAX_CONSECUTIVE_FAILURES) ? null
                        : maxConsecutiveFailures != null ? maxConsecutiveFailures : current.maxConsecutiveFailures(),
                notifications != null ? notifications : current.notifications(),
                cleared.contains(Field.MAX_TOKENS_PER_RUN) ? null
                        : maxTokensPerRun != null ? maxTokensPerRun : current.maxTokensPerRun(),
                cleared.contains(Field.MAX_TOKENS_PER_DAY) ? null
                        : maxTokensPerDay != null ? maxTokensPerDay : current.maxTokensPerDay());
    }
}
