package dev.agentry.command.api;

/** What a fire does while the previous run is still going. */
public enum OverlapPolicy {
    /** record the fire as a skipped run */
    SKIP,
    /** run once more after the current run ends */
    BUFFER_ONE
}
