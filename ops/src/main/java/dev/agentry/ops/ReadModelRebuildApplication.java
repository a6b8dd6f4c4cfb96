package dev.agentry.ops;

import dev.agentry.infra.postgres.node.ClusterLock;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import java.util.Collection;

/**
 * The part of the platform a read-model rebuild needs, and nothing more: the database, the event store and
 * the projections. No aggregate (so no command can append an event), no Temporal client or worker, no
 * reconciliation, no MCP endpoint, no start-up registration of users or models, no node registration. The
 * cluster lock is there because the read models' migration waits for any node that migrates at the same time.
 * Public for the projection replay benchmark, which starts exactly what a rebuild starts.
 */
@SpringBootApplication(scanBasePackages = {"dev.agentry.query", "dev.agentry.infra.postgres.eventstore",
        "dev.agentry.infra.postgres.readmodel", "dev.agentry.infra.postgres.embedded"})
@ConfigurationPropertiesScan({"dev.agentry.query", "dev.agentry.infra.postgres.eventstore",
        "dev.agentry.infra.postgres.readmodel", "dev.agentry.infra.postgres.embedded"})
@Import(ClusterLock.class)
public class ReadModelRebuildApplication {

    /**
     * The rebuild's application with its defaults, which the command line overrides: its processors notice
     * within 50 ms that they are asked to stop, as the rebuild restarts them from the beginning, and the
     * online switch stops them while the live tables wait. Axon's handler timeouts are off: nobody waits for a
     * rebuild's handlers, an interrupted batch would only be replayed again, and their bookkeeping (a stack
     * trace and a scheduled task per handler call) costs the replay about 8%.
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReadModelRebuildApplication.class)
                .web(WebApplicationType.NONE)
                .properties("agentry.projections.event-availability-timeout=50ms", "axon.timeout.enabled=false");
    }

    /**
     * The argument that has the rebuild replay {@code readModels} together, with one processor that reads the
     * stream once for all of them (an offline rebuild; an online one keeps a processor per read model).
     */
    public static String replayingTogether(Collection<String> readModels) {
        return "--agentry.projections.shared-replay.read-models=" + String.join(",", readModels);
    }
}
