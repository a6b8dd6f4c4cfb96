package dev.agentry.command.api;

/** A due failure notice could not be sent; see {@link RecordUndeliverableFailureNotice} for the fields. */
public record FailureNoticeUndeliverable(String agentId, String noticeId, FailureNoticeKind kind, String runId,
                                         String reason, String detail) {
}
