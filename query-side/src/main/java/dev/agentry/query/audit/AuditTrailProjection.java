package dev.agentry.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentDeleted;
import dev.agentry.command.api.AgentFailed;
import dev.agentry.command.api.AgentRan;
import dev.agentry.command.api.AgentReconfigured;
import dev.agentry.command.api.AgentRunRequested;
import dev.agentry.command.api.AgentRunSkipped;
import dev.agentry.command.api.AgentScheduleRestored;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.FailureNoticeDue;
import dev.agentry.command.api.FailureNoticeUndeliverable;
import dev.agentry.command.api.ApiTokenIssued;
import dev.agentry.command.api.ApiTokenRevoked;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.ModelDisabled;
import dev.agentry.command.api.ModelOfferingNotFound;
import dev.agentry.command.api.ModelEnabled;
import dev.agentry.command.api.ModelRedefined;
import dev.agentry.command.api.ModelRegistered;
import dev.agentry.command.api.SlackConnected;
import dev.agentry.command.api.SlackDisconnected;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.api.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import dev.agentry.query.write.ReadModelWrites;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Writes one {@code audit_log} row per event: who did what to which agent or user, and when.
 * The event identifier is unique, so a redelivered event adds nothing.
 */
@Component
@ProcessingGroup(ReadModel.AUDIT_TRAIL)
class AuditTrailProjection {

    private static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final ReadModelWrites writes;
    private final ObjectMapper json;

    AuditTrailProjection(JdbcClient jdbc, ReadModelWrites writes, ObjectMapper json) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    void on(AgentCreated event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.settings(event.settings()));
    }

    @EventHandler
    void on(AgentReconfigured event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.settings(event.settings()));
    }

    @EventHandler
    void on(AgentStarted event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.none());
    }

    /** Only reconciliation stops an agent as ORPHANED, so such a stop is one of its repairs. */
    @EventHandler
    void on(AgentStopped event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        String reason = event.reason() == null ? null : event.reason().name();
        Map<String, Object> details = event.reason() == StopReason.ORPHANED
                ? AuditDetails.reconciliation() : AuditDetails.none();
        record(message, sequence, at, new Subject(event.agentId(), null), reason, details);
    }

    @EventHandler
    void on(AgentDeleted event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.none());
    }

    @EventHandler
    void on(AgentRunRequested event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null,
                AuditDetails.runRequested(event.runId()));
    }

    @EventHandler
    void on(AgentRan event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.ran(event));
    }

    @EventHandler
    void on(AgentFailed event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.failed(event));
    }

    @EventHandler
    void on(AgentRunSkipped event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), event.reason(), AuditDetails.skipped(event));
    }

    @EventHandler
    void on(AgentScheduleRestored event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), null, AuditDetails.reconciliation());
    }

    /** The reason of a due notice is its kind; of an undeliverable one, what stood in the way. */
    @EventHandler
    void on(FailureNoticeDue event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), event.kind().name(), AuditDetails.noticeDue(event));
    }

    @EventHandler
    void on(FailureNoticeUndeliverable event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant at) {
        record(message, sequence, at, new Subject(event.agentId(), null), event.reason(),
                AuditDetails.noticeUndeliverable(event));
    }

    @EventHandler
    void on(UserCreated event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(null, event.userId()), null, AuditDetails.user(event));
    }

    @EventHandler
    void on(ApiTokenIssued event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(null, event.userId()), null, AuditDetails.token(event.tokenId()));
    }

    @EventHandler
    void on(ApiTokenRevoked event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(null, event.userId()), null, AuditDetails.token(event.tokenId()));
    }

    @EventHandler
    void on(SlackConnected event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(null, event.userId()), null, AuditDetails.slackConnected(event));
    }

    @EventHandler
    void on(SlackDisconnected event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, new Subject(null, event.userId()), null,
                AuditDetails.slackDisconnected(event));
    }

    @EventHandler
    void on(ModelRegistered event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, Subject.NONE, null, AuditDetails.model(event.name(), event.definition()));
    }

    @EventHandler
    void on(ModelRedefined event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, Subject.NONE, null, AuditDetails.model(event.name(), event.definition()));
    }

    @EventHandler
    void on(ModelEnabled event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, Subject.NONE, null, AuditDetails.modelName(event.name()));
    }

    @EventHandler
    void on(ModelDisabled event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, Subject.NONE, null, AuditDetails.modelName(event.name()));
    }

    @EventHandler
    void on(ModelOfferingNotFound event, EventMessage<?> message, @SequenceNumber long sequence, @Timestamp Instant at) {
        record(message, sequence, at, Subject.NONE, null, AuditDetails.offeringNotFound(event));
    }

    @ResetHandler
    void forgetTheWholeTrail() {
        jdbc.sql("DELETE FROM audit_log").update();
    }

    /** What an entry is about: an agent, the user that an identity or Slack event concerns, or neither (models). */
    private record Subject(String agentId, String userId) {
        static final Subject NONE = new Subject(null, null);
    }

    private void record(EventMessage<?> message, long sequence, Instant at, Subject subject,
                        String reason, Map<String, Object> details) {
        MetaData metaData = message.getMetaData();
        String actorId = (String) metaData.get(MessageMetadata.ACTOR_ID);
        String actorName = (String) metaData.get(MessageMetadata.ACTOR_NAME);
        writes.sql("""
                INSERT INTO audit_log (event_id, type, at, sequence_number, actor_id, actor,
                    agent_id, user_id, reason, details)
                VALUES (:eventId, :type, :at, :sequence, :actorId, :actor,
                    :agentId, :userId, :reason, CAST(:details AS jsonb))
                ON CONFLICT (event_id) DO NOTHING
                """)
                .param("eventId", message.getIdentifier())
                .param("type", message.getPayloadType().getSimpleName())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("sequence", sequence)
                .param("actorId", actorId)
                .param("actor", actorName != null ? actorName : actorId != null ? actorId : SYSTEM_ACTOR)
                .param("agentId", subject.agentId())
                .param("userId", subject.userId())
                .param("reason", reason)
                .param("details", toJson(details))
                .execute();
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details are not serialisable: " + details, e);
        }
    }
}
