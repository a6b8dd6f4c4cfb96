package dev.agentry.workflows.reconciliation;

/**
 * An agent's schedule workflow as Temporal reports it.
 *
 * @param fingerprint of the settings the open schedule acts on; null when it is not open
 */
record ObservedSchedule(String agentId, boolean open, String fingerprint) {

    static ObservedSchedule notOpen(String agentId) {
        return new ObservedSchedule(agentId, false, null);
    }
}
