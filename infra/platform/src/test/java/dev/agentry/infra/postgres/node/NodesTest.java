package dev.agentry.infra.postgres.node;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.workflows.sync.AgentScheduleSync;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nodes on one database know of each other, and work under the cluster lock runs on one node at a time. */
class NodesTest {

    @TempDir
    Path home;

    @Test
    void everyRunningNodeIsRegisteredWithItsRoleAndHeartbeatAndLeavesWhenItStops() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform api = RunningPlatform.start(database, home.resolve("api"), "agentry.node.role=api",
                     "agentry.node.heartbeat-interval=100ms")) {
            String apiNode = api.bean(NodeRegistry.class).nodeId();
            String workerNode;
            try (RunningPlatform worker = RunningPlatform.start(database, home.resolve("worker"), "agentry.node.role=worker")) {
                workerNode = worker.bean(NodeRegistry.class).nodeId();
                assertThat(api.bean(NodeRegistry.class).nodes()).extracting(NodeRegistry.Node::nodeId, NodeRegistry.Node::role)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(apiNode, NodeRole.API),
                                org.assertj.core.groups.Tuple.tuple(workerNode, NodeRole.WORKER));
                Instant firstBeat = heartbeatOf(api, apiNode);
                await().atMost(Duration.ofSeconds(5)).until(() -> heartbeatOf(api, apiNode).isAfter(firstBeat));
            }
            assertThat(api.bean(NodeRegistry.class).nodes()).extracting(NodeRegistry.Node::nodeId).containsExactly(apiNode);
        }
    }

    @Test
    void workUnderTheClusterLockRunsOnOneNodeAtATime() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform first = RunningPlatform.start(database, home.resolve("first"));
             RunningPlatform second = RunningPlatform.start(database, home.resolve("second"))) {
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger mostHoldersAtOnce = new AtomicInteger();
            CountDownLatch bothTrying = new CountDownLatch(2);
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                Future<?> one = nodes.submit(() -> holdBriefly(first, bothTrying, holders, mostHoldersAtOnce));
                Future<?> other = nodes.submit(() -> holdBriefly(second, bothTrying, holders, mostHoldersAtOnce));
                one.get(30, TimeUnit.SECONDS);
                other.get(30, TimeUnit.SECONDS);
            } finally {
                nodes.shutdownNow();
            }
            assertThat(mostHoldersAtOnce).hasValue(1);
        }
    }

    @Test
    void anApiNodeRunsNeitherTheTemporalWorkerNorTemporalSyncAndAWorkerNodeRunsBoth() {
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            try (RunningPlatform api = RunningPlatform.start(database, home.resolve("api"), "agentry.temporal.enabled=true",
                    "agentry.node.role=api")) {
                assertThat(api.beans(AgentScheduleSync.class)).isEmpty();
                assertThat(processorNames(api)).doesNotContain(AgentScheduleSync.PROCESSING_GROUP);
            }
            try (RunningPlatform worker = RunningPlatform.start(database, home.resolve("worker"), "agentry.temporal.enabled=true",
                    "agentry.node.role=worker")) {
                assertThat(worker.beans(AgentScheduleSync.class)).hasSize(1);
                assertThat(processorNames(worker)).contains(AgentScheduleSync.PROCESSING_GROUP);
            }
        }
    }

    private static java.util.Set<String> processorNames(RunningPlatform platform) {
        return platform.bean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().keySet();
    }

    private static void holdBriefly(RunningPlatform node, CountDownLatch bothTrying, AtomicInteger holders,
                                    AtomicInteger mostHoldersAtOnce) {
        bothTrying.countDown();
        try {
            bothTrying.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        for (int round = 0; round < 5; round++) {
            node.bean(ClusterLock.class).whileHolding("test-lock", () -> {
                mostHoldersAtOnce.accumulateAndGet(holders.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                holders.decrementAndGet();
                return null;
            });
        }
    }

    private static Instant heartbeatOf(RunningPlatform platform, String nodeId) {
        return platform.bean(NodeRegistry.class).nodes().stream().filter(node -> node.nodeId().equals(nodeId))
                .findFirst().orElseThrow().lastHeartbeat();
    }
}
