package dev.agentry.query.audit;

import dev.agentry.command.api.AgentCreated;
import dev.agentry.command.api.AgentStarted;
import dev.agentry.command.api.AgentStopped;
import dev.agentry.command.api.Role;
import dev.agentry.command.api.StopReason;
import dev.agentry.command.api.UserCreated;
import dev.agentry.query.Actor;
import dev.agentry.query.ExampleSettings;
import dev.agentry.query.QuerySide;
import dev.agentry.query.ReadModelDatabase;
import dev.agentry.query.api.AuditLog;
import dev.agentry.query.api.AuditLogEntry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AuditLogQueriesTest {

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    private QuerySide querySide;
    private Actor alice;
    private String agentId;

    @BeforeEach
    void startQuerySide() {
        database.jdbc().sql("DELETE FROM audit_log").update();
        querySide = new QuerySide(database.dataSource());
        alice = new Actor("user-" + UUID.randomUUID(), "alice");
        agentId = UUID.randomUUID().toString();
    }

    @AfterEach
    void stopQuerySide() {
        querySide.close();
    }

    @Test
    void entriesOfTheSameInstantArePagedNewestRecordedFirstWithoutRepeatsOrGaps() {
        querySide.clockStep(Duration.ZERO);
        querySide.agentEvent(agentId, new AgentCreated(agentId, alice.id(), ExampleSettings.manual("digest")), alice);
        for (int i = 0; i < 3; i++) {
            querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
            querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.USER), alice);
        }
        List<AuditLogEntry> all = page(null, 100);

        List<AuditLogEntry> paged = new ArrayList<>();
        List<AuditLogEntry> page = page(null, 3);
        paged.addAll(page);
        // recorded after the first page, at a later time: newer than every page's boundary
        querySide.clockStep(Duration.ofMinutes(1));
        querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        while (page.size() == 3) {
            page = page(page.get(2).position(), 3);
            paged.addAll(page);
        }

        assertThat(all).hasSize(7).extracting(entry -> entry.position().sequence()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(paged).isEqualTo(all);
        assertThat(page(null, 1)).singleElement().satisfies(newest ->
                assertThat(newest.at()).isAfter(all.get(0).at()));
    }

    @Test
    void filtersCombineAndTheTimeWindowIncludesItsStartButNotItsEnd() {
        DomainEventMessage<?> created = querySide.agentEvent(agentId,
                new AgentCreated(agentId, alice.id(), ExampleSettings.manual("digest")), alice);
        DomainEventMessage<?> started = querySide.agentEvent(agentId, new AgentStarted(agentId), alice);
        querySide.agentEvent(agentId, new AgentStopped(agentId, StopReason.ORPHANED), Actor.RECONCILIATION);
        querySide.userEvent("user-bob", new UserCreated("user-bob", "bob", Role.USER), new Actor("user-admin", "admin"));

        assertThat(query(new AuditLog(started.getTimestamp(), null, null, null, null, null, 100)))
                .extracting(AuditLogEntry::type).containsExactly("UserCreated", "AgentStopped", "AgentStarted");
        assertThat(query(new AuditLog(created.getTimestamp(), started.getTimestamp(), null, null, null, null, 100)))
                .extracting(AuditLogEntry::type).containsExactly("AgentCreated");
        assertThat(query(new AuditLog(null, null, "system:reconciliation", agentId, "AgentStopped", null, 100)))
                .extracting(AuditLogEntry::actor, AuditLogEntry::agentId, AuditLogEntry::reason)
                .containsExactly(tuple("system:reconciliation", agentId, "ORPHANED"));
        assertThat(query(new AuditLog(null, null, "user-admin", null, null, null, 100))).singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("user_id", "user-bob")
                        .containsEntry("username", "bob").containsEntry("role", "USER"));
        assertThat(query(new AuditLog(null, null, "alice", null, "UserCreated", null, 100))).isEmpty();
    }

    private List<AuditLogEntry> page(AuditLog.Position after, int limit) {
        return query(new AuditLog(null, null, null, agentId, null, after, limit));
    }

    private List<AuditLogEntry> query(AuditLog query) {
        return querySide.queryList(query, AuditLogEntry.class);
    }
}
