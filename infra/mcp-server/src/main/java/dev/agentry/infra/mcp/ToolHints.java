package dev.agentry.infra.mcp;

/**
 * What a client may assume about a tool (MCP tool annotations): whether it changes anything, may undo
 * something for good, can be repeated without further effect, and reaches beyond the platform.
 */
public enum ToolHints {

    READS_ONLY(true, false, true, false),
    /** repeating the call with the same arguments changes nothing more */
    CHANGES_IDEMPOTENTLY(false, false, true, false),
    CREATES(false, false, false, false),
    /** takes something away (a token, a schedule), and taking it away again changes nothing */
    REMOVES_IDEMPOTENTLY(false, true, true, false),
    DELETES(false, true, false, false),
    /** starts work that talks to the world outside (an agent's run calls LLMs and tools) */
    STARTS_WORK_OUTSIDE(false, false, false, true),
    /** reads from a system outside the platform (Slack) */
    READS_OUTSIDE(true, false, true, true),
    /** sets up access to a system outside; repeating it with the same arguments ends where it began */
    CONNECTS_OUTSIDE(false, false, true, true),
    /** sends something outside (a Slack message); each call sends again */
    SENDS_OUTSIDE(false, false, false, true);

    private final boolean readOnly;
    private final boolean destructive;
    private final boolean idempotent;
    private final boolean openWorld;

    ToolHints(boolean readOnly, boolean destructive, boolean idempotent, boolean openWorld) {
        this.readOnly = readOnly;
        this.destructive = destructive;
        this.idempotent = idempotent;
        this.openWorld = openWorld;
    }

    boolean readOnly() {
        return readOnly;
    }

    boolean destructive() {
        return destructive;
    }

    boolean idempotent() {
        return idempotent;
    }

    boolean openWorld() {
        return openWorld;
    }
}
