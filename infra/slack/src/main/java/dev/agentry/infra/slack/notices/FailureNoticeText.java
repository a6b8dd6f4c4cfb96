package dev.agentry.infra.slack.notices;

import dev.agentry.command.api.FailureNoticeDue;

/**
 * What a failure notice says, in Slack mrkdwn: the agent, the run, the classified error and the tool call that
 * shows more. Names are escaped as Slack asks ({@code & < >}), so that no name turns into a mention or a link.
 */
final class FailureNoticeText {

    private FailureNoticeText() {
    }

    static String of(FailureNoticeDue notice) {
        String agent = "Agent *%s* (`%s`)".formatted(escaped(notice.agentName()), notice.agentId());
        return switch (notice.kind()) {
            case FIRST_FAILURE -> """
                    %s is failing: run `%s` failed with %s.
                    Further failures in a row are not announced; you will hear when a run succeeds again.
                    To look: `get_run {"run_id": "%s"}`""".formatted(agent, notice.runId(), error(notice), notice.runId());
            case FAILURE_LIMIT -> """
                    %s was stopped: it reached its limit of failed runs in a row (max_consecutive_failures). \
                    The last, run `%s`, failed with %s.
                    To look: `get_run {"run_id": "%s"}`; to start it again: `start_agent {"agent_id": "%s"}`"""
                    .formatted(agent, notice.runId(), error(notice), notice.runId(), notice.agentId());
            case ORPHANED -> """
                    %s was stopped (ORPHANED): its schedule was missing in Temporal, and reconciliation stops such agents.
                    To look: `agent_history {"agent_id": "%s"}`; to start it again: `start_agent {"agent_id": "%s"}`"""
                    .formatted(agent, notice.agentId(), notice.agentId());
            case RECOVERED -> """
                    %s recovered: run `%s` succeeded after failed runs.
                    To look: `get_run {"run_id": "%s"}`""".formatted(agent, notice.runId(), notice.runId());
        };
    }

    private static String error(FailureNoticeDue notice) {
        String kind = notice.errorKind() == null ? "an error" : "*" + notice.errorKind() + "*";
        return notice.errorMessage() == null || notice.errorMessage().isBlank()
                ? kind : kind + ": " + escaped(notice.errorMessage());
    }

    private static String escaped(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
