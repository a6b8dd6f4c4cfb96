package dev.agentry.infra.postgres.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Set only by {@code projections rebuild} (not {@code --online}), in its own process: the handlers of these read
 * models are given to one processor, {@link SharedReplayConfiguration#PROCESSOR}, which reads and deserializes the
 * stream once for all of them, in one segment per core, instead of once per read model.
 *
 * @param readModels the read models rebuilt together; none for a process that keeps a processor per read model
 * @param batchSize  events per transaction of the shared processor: a rebuild waits for nobody, so its batches are
 *                   larger than a live processor's
 */
@ConfigurationProperties("agentry.projections.shared-replay")
record SharedReplayProperties(
        @DefaultValue({}) List<String> readModels,
        @DefaultValue("500") int batchSize) {

    SharedReplayProperties {
        readModels = List.copyOf(readModels);
    }

    boolean active() {
        return !readModels.isEmpty();
    }
}
