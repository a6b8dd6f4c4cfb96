package dev.agentry.command.api;

/**
 * The bounds of an agent's settings, published once: the agent's rules enforce them and the MCP tools'
 * input schemas are built from them.
 */
public final class AgentSettingsLimits {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int INSTRUCTIONS_MAX_LENGTH = 20_000;
    public static final int MODEL_MAX_LENGTH = 200;
    public static final int TOOLS_MAX = 50;
    public static final int TOOL_NAME_MAX_LENGTH = 100;
    public static final int CONSECUTIVE_FAILURES_MAX = 1000;
    /** a token budget (per run or per day) lies between these, both included */
    public static final long TOKEN_BUDGET_MIN = 100;
    public static final long TOKEN_BUDGET_MAX = 1_000_000_000;
    public static final int CRON_MAX_LENGTH = 100;
    public static final int TIMEZONE_MAX_LENGTH = 64;
    public static final String DEFAULT_TIMEZONE = "UTC";

    private AgentSettingsLimits() {
    }
}
