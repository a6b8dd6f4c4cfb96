package dev.agentry.infra.postgres.readmodel;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

/**
 * The one processor of a rebuild that replays several read models together (see {@link SharedReplayProperties}):
 * a pooled processor, whose coordinator reads the stream once and hands each event to the work package of its
 * segment, one per core. It starts at the head of the stream, so that it changes nothing until the rebuild has
 * claimed the read models' own tokens and resets it.
 */
@Configuration(proxyBeanMethods = false)
class SharedReplayConfiguration {

    static final String PROCESSOR = "read-model-rebuild";

    @Bean
    ConfigurerModule sharedReplayProcessor(SharedReplayProperties shared, ProjectionProperties projections) {
        return configurer -> {
            if (!shared.active()) {
                return;
            }
            int segments = Math.max(1, Runtime.getRuntime().availableProcessors());
            shared.readModels().forEach(readModel ->
                    configurer.eventProcessing().assignProcessingGroup(readModel, PROCESSOR));
            configurer.eventProcessing().registerPooledStreamingEventProcessor(PROCESSOR,
                    config -> config.eventStore(),
                    (config, builder) -> builder
                            .initialSegmentCount(segments)
                            .maxClaimedSegments(segments)
                            .batchSize(shared.batchSize())
                            .initialToken(StreamableMessageSource::createHeadToken)
                            .tokenClaimInterval(projections.claimInterval().toMillis())
                            .coordinatorExecutor(name -> Executors.newSingleThreadScheduledExecutor(
                                    new AxonThreadFactory("Coordinator[" + name + "]")))
                            .workerExecutor(name -> Executors.newScheduledThreadPool(segments,
                                    new AxonThreadFactory("WorkPackage[" + name + "]"))));
        };
    }
}
