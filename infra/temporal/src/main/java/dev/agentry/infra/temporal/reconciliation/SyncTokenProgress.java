package dev.agentry.infra.temporal.reconciliation;

import dev.agentry.workflows.reconciliation.TemporalSyncProgress;
import dev.agentry.workflows.sync.AgentScheduleSync;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * temporal-sync's progress from its stored tokens, which every platform process shares (the operator's
 * {@code agentry reconcile} runs beside a platform that owns the processor): the lowest position over its
 * segments.
 */
class SyncTokenProgress implements TemporalSyncProgress {

    private final JdbcClient jdbc;
    private final Serializer tokenSerializer;

    SyncTokenProgress(JdbcClient jdbc, Serializer tokenSerializer) {
        this.jdbc = jdbc;
        this.tokenSerializer = tokenSerializer;
    }

    @Override
    public long appliedThrough() {
        List<StoredToken> tokens = jdbc.sql("SELECT token, token_type FROM token_entry WHERE processor_name = ?")
                .param(AgentScheduleSync.PROCESSING_GROUP)
                .query((row, number) -> new StoredToken(row.getBytes("token"), row.getString("token_type")))
                .list();
        long lowest = tokens.isEmpty() ? -1 : Long.MAX_VALUE;
        for (StoredToken stored : tokens) {
            lowest = Math.min(lowest, stored.position(tokenSerializer));
        }
        return lowest;
    }

    private record StoredToken(byte[] token, String type) {

        /** -1 for a segment that has processed nothing yet. */
        long position(Serializer serializer) {
            if (token == null || type == null) {
                return -1;
            }
            TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
            return tracking == null ? -1 : tracking.position().orElse(-1);
        }
    }
}
