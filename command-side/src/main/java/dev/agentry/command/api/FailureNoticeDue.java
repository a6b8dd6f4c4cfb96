package dev.agentry.command.api;

/**
 * The agent's owner is to hear by a Slack DM that the agent started failing, was stopped or recovered. Decided
 * once by the agent, so that every node and every restart agrees on which notices there are.
 *
 * @param noticeId     unique among the agent's notices; every later event about the notice names it
 * @param runId        the run the notice is about; null for ORPHANED
 * @param agentName    the agent's name when the notice became due
 * @param errorKind    the run's classified error, e.g. RATE_LIMITED; null for RECOVERED and ORPHANED
 * @param errorMessage the run's error for its owner, shortened; null when errorKind is
 */
public record FailureNoticeDue(String agentId, String noticeId, FailureNoticeKind kind, String ownerId,
                               String agentName, String runId, String errorKind, String errorMessage) {
}
