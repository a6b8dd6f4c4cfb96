package dev.agentry.query;

import dev.agentry.command.api.MessageMetadata;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Who causes a test event; becomes the event's metadata as the command gateway would set it. */
public record Actor(String id, String name) {

    public static final Actor RECONCILIATION = new Actor("system:reconciliation", "system:reconciliation");
    /** what the schedule and run workflows send as */
    public static final Actor SCHEDULER = new Actor("system:scheduler", "system:scheduler");
    /** metadata without any actor, as for events whose sender set none */
    public static final Actor NOBODY = new Actor(null, null);

    Map<String, Object> metaData() {
        Map<String, Object> metaData = new HashMap<>();
        if (id != null) {
            metaData.put(MessageMetadata.ACTOR_ID, id);
        }
        if (name != null) {
            metaData.put(MessageMetadata.ACTOR_NAME, name);
        }
        metaData.put(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        return metaData;
    }
}
