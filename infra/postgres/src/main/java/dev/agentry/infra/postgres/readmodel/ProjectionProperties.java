package dev.agentry.infra.postgres.readmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * @param batchSize           events per transaction of a projection
 * @param segments            parallel segments of each processor in a fresh store
 * @param readYourWritesTimeout how long a tool waits for the read models to include its own change
 * @param notReadModels       streaming processors that feed something other than read models
 *                            (a tool never waits for them)
 * @param claimInterval       how often a node looks for segments no node holds, e.g. a stopped node's; a dead
 *                            node's segments become free once their claims are older than Axon's
 *                            {@code axon.eventhandling.tokenstore.claim-timeout} (default 10s)
 * @param eventAvailabilityTimeout how long a processor waits for new events before it looks at its claim and
 *                            whether it is asked to stop (so also how long stopping it takes)
 */
@ConfigurationProperties("agentry.projections")
public record ProjectionProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("1") int segments,
        @DefaultValue("10s") Duration readYourWritesTimeout,
        @DefaultValue({"temporal-sync", "failure-notices"}) List<String> notReadModels,
        @DefaultValue("2s") Duration claimInterval,
        @DefaultValue("1s") Duration eventAvailabilityTimeout) {
}
