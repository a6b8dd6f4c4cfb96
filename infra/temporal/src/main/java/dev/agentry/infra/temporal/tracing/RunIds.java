package dev.agentry.infra.temporal.tracing;

/** Run ids are {@code run-<agentId>-<fireEpochSeconds>} or {@code run-<agentId>-manual-<uuid>}. */
final class RunIds {

    private static final String PREFIX = "run-";
    private static final String MANUAL = "-manual-";

    private RunIds() {
    }

    static String agentIdOf(String runId) {
        String rest = runId.startsWith(PREFIX) ? runId.substring(PREFIX.length()) : runId;
        int manual = rest.lastIndexOf(MANUAL);
        if (manual >= 0) {
            return rest.substring(0, manual);
        }
        int lastDash = rest.lastIndexOf('-');
        return lastDash > 0 ? rest.substring(0, lastDash) : rest;
    }
}
