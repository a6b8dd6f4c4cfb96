package dev.agentry.command.agent;

import dev.agentry.command.api.AgentSettingsLimits;
import dev.agentry.command.api.AgentSettings;
import dev.agentry.command.api.AgentSettingsChange;
import dev.agentry.command.api.CommandRejectedException;
import dev.agentry.command.api.RejectionCode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What an agent's settings must satisfy, on creation and after every update. */
final class AgentSettingsRules {

    static final int MAX_NAME_LENGTH = AgentSettingsLimits.NAME_MAX_LENGTH;
    static final int MAX_INSTRUCTIONS_LENGTH = AgentSettingsLimits.INSTRUCTIONS_MAX_LENGTH;
    static final int MAX_MODEL_LENGTH = AgentSettingsLimits.MODEL_MAX_LENGTH;
    static final int MAX_TOOL_NAME_LENGTH = AgentSettingsLimits.TOOL_NAME_MAX_LENGTH;
    static final int MAX_TOOLS = AgentSettingsLimits.TOOLS_MAX;
    static final int MAX_CONSECUTIVE_FAILURES_LIMIT = AgentSettingsLimits.CONSECUTIVE_FAILURES_MAX;

    private AgentSettingsRules() {
    }

    /** The settings as they are stored (the name trimmed), or a rejection naming the first rule broken. */
    static AgentSettings validated(AgentSettings settings) {
        if (settings == null) {
            throw invalid("settings are required");
        }
        String name = checkName(settings.name());
        checkInstructions(settings.instructions());
        if (settings.tier() == null) {
            throw invalid("tier is required: basic, standard, advanced or deep");
        }
        checkModel(settings.model());
        ScheduleRules.check(settings.schedule());
        checkTools(settings.tools());
        if (settings.overlap() == null) {
            throw invalid("overlap is required: skip or buffer_one");
        }
        if (settings.catchUp() == null) {
            throw invalid("catch_up is required: skip or run_once");
        }
        checkMaxConsecutiveFailures(settings.maxConsecutiveFailures());
        checkTokenBudget("max_tokens_per_run", settings.maxTokensPerRun());
        checkTokenBudget("max_tokens_per_day", settings.maxTokensPerDay());
        return new AgentSettings(name, settings.instructions(), settings.tier(), settings.model(),
                settings.schedule(), settings.tools(), settings.overlap(), settings.catchUp(),
                settings.maxConsecutiveFailures(), settings.notifications(), settings.maxTokensPerRun(),
                settings.maxTokensPerDay());
    }

    /** A change may not both set and clear the same field. */
    static void checkConsistent(AgentSettingsChange change) {
        if (change == null) {
            throw invalid("change is required");
        }
        Set<AgentSettingsChange.Field> cleared = change.cleared();
        rejectSetAndCleared(cleared.contains(AgentSettingsChange.Field.MODEL) && change.model() != null, "model");
        rejectSetAndCleared(cleared.contains(AgentSettingsChange.Field.SCHEDULE) && change.schedule() != null,
                "schedule");
        rejectSetAndCleared(cleared.contains(AgentSettingsChange.Field.MAX_CONSECUTIVE_FAILURES)
                && change.maxConsecutiveFailures() != null, "max_consecutive_failures");
        rejectSetAndCleared(cleared.contains(AgentSettingsChange.Field.MAX_TOKENS_PER_RUN)
                && change.maxTokensPerRun() != null, "max_tokens_per_run");
        rejectSetAndCleared(cleared.contains(AgentSettingsChange.Field.MAX_TOKENS_PER_DAY)
                && change.maxTokensPerDay() != null, "max_tokens_per_day");
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw invalid("name must not be blank");
        }
        int length = characters(trimmed);
        if (length > MAX_NAME_LENGTH) {
            throw invalid("name must be at most %d characters (it has %d)".formatted(MAX_NAME_LENGTH, length));
        }
        return trimmed;
    }

    private static void checkInstructions(String instructions) {
        if (instructions == null || instructions.isBlank()) {
            throw invalid("instructions must not be blank");
        }
        int length = characters(instructions);
        if (length > MAX_INSTRUCTIONS_LENGTH) {
            throw invalid("instructions must be at most %d characters (they have %d)"
                    .formatted(MAX_INSTRUCTIONS_LENGTH, length));
        }
    }

    private static void checkModel(String model) {
        if (model == null) {
            return;
        }
        if (model.isBlank()) {
            throw invalid("model must not be blank; leave it out to use the tier's model");
        }
        if (characters(model) > MAX_MODEL_LENGTH) {
            throw invalid("model must be at most %d characters".formatted(MAX_MODEL_LENGTH));
        }
    }

    private static void checkTools(List<String> tools) {
        if (tools.size() > MAX_TOOLS) {
            throw invalid("at most %d tools are allowed (%d were given)".formatted(MAX_TOOLS, tools.size()));
        }
        Set<String> seen = new HashSet<>();
        for (String tool : tools) {
            if (tool.isBlank()) {
                throw invalid("tool names must not be blank");
            }
            if (characters(tool) > MAX_TOOL_NAME_LENGTH) {
                throw invalid("tool names must be at most %d characters".formatted(MAX_TOOL_NAME_LENGTH));
            }
            if (!seen.add(tool)) {
                throw invalid("tool '%s' is listed more than once".formatted(tool));
            }
        }
    }

    private static void checkMaxConsecutiveFailures(Integer max) {
        if (max != null && (max < 1 || max > MAX_CONSECUTIVE_FAILURES_LIMIT)) {
            throw invalid("max_consecutive_failures must be between 1 and %d, or left out for no limit (got %d)"
                    .formatted(MAX_CONSECUTIVE_FAILURES_LIMIT, max));
        }
    }

    private static void checkTokenBudget(String setting, Long budget) {
        if (budget != null && (budget < AgentSettingsLimits.TOKEN_BUDGET_MIN
                || budget > AgentSettingsLimits.TOKEN_BUDGET_MAX)) {
            throw invalid("%s must be between %d and %d tokens, or left out for no limit (got %d)".formatted(
                    setting, AgentSettingsLimits.TOKEN_BUDGET_MIN, AgentSettingsLimits.TOKEN_BUDGET_MAX, budget));
        }
    }

    private static void rejectSetAndCleared(boolean contradicts, String field) {
        if (contradicts) {
            throw invalid("%s cannot be set and cleared in the same update".formatted(field));
        }
    }

    /** Limits count what a person sees as characters, not UTF-16 units. */
    private static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    private static CommandRejectedException invalid(String message) {
        return new CommandRejectedException(RejectionCode.INVALID_ARGUMENT, message);
    }
}
