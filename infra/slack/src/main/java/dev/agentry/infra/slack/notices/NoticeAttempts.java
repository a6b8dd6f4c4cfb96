package dev.agentry.infra.slack.notices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Which notices' sending began, in {@code failure_notice_attempts}. Each attempt is committed on its own before
 * Slack is called: the event processor's transaction rolls back when a node dies mid-send, and the notice is then
 * delivered again, but this record stays and tells the next attempt to look for an earlier post first.
 */
class NoticeAttempts {

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    /** @param ownTransaction one that never joins the caller's (propagation REQUIRES_NEW) */
    NoticeAttempts(JdbcClient jdbc, TransactionTemplate ownTransaction, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = ownTransaction;
        this.clock = clock;
    }

    /** Records that sending the notice begins; true when an earlier attempt began before (and may have sent it). */
    boolean beginAndTellIfTriedBefore(String noticeId) {
        Integer inserted = ownTransaction.execute(status -> jdbc.sql("""
                        INSERT INTO failure_notice_attempts (notice_id, first_attempt_at) VALUES (:noticeId, :at)
                        ON CONFLICT (notice_id) DO NOTHING""")
                .param("noticeId", noticeId)
                .param("at", OffsetDateTime.now(clock))
                .update());
        return inserted == null || inserted == 0;
    }
}
