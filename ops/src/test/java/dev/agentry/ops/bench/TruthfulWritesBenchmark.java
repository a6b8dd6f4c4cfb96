package dev.agentry.ops.bench;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code create_agent} on two nodes on one database. One call at a time, first on one node alone and then on both
 * (each holding one segment of every read model), beside the one node as baseline; then from 16 concurrent MCP
 * sessions spread over the two nodes: every answer
 * must tell the truth (an agent in the store for each success, none stored for a failure), and the rate is
 * compared with the baseline of plain single-row inserts from as many JDBC clients on the same PostgreSQL.
 * Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}; the table goes to
 * {@code ops/target/bench/truthful-writes.txt}.
 */
public final class TruthfulWritesBenchmark {

    private static final int SESSIONS = 16;
    private static final int CREATES = 3_000;
    private static final String ADMIN_TOKEN = "agt_bench_truthful_writes_admin_token_0001";
    private static final int ONE_AT_A_TIME = 200;
    private static final int WARM_UP = 20;
    /** as a person's calls come, not back to back: the nodes' processors have nothing to do in between */
    private static final Duration PAUSE_BETWEEN_CALLS = Duration.ofMillis(20);

    private TruthfulWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            double baselinePerSecond = SingleRowInserts.perSecond(database, SESSIONS, CREATES);
            try (RunningPlatform first = RunningPlatform.serving(database, home.resolve("first"),
                    "agentry.admin-token=" + ADMIN_TOKEN, "agentry.projections.segments=2",
                    "agentry.projections.claim-interval=200ms")) {
                long[] alone = oneAtATime(List.of(first.mcpUrl()));
                try (RunningPlatform second = RunningPlatform.serving(database, home.resolve("second"),
                        "agentry.admin-token=" + ADMIN_TOKEN, "agentry.projections.segments=2",
                        "agentry.projections.claim-interval=200ms")) {
                    first.shareSegmentsWith(second);
                    long[] shared = oneAtATime(List.of(first.mcpUrl(), second.mcpUrl()));
                    table.add("what | figure");
                    table.add("create_agent one at a time, 1 node holding every segment (baseline) | p50 %.1f ms, p99 %.1f ms"
                            .formatted(percentileMillis(alone, 50), percentileMillis(alone, 99)));
                    table.add("create_agent one at a time, 2 nodes each holding one segment | p50 %.1f ms, p99 %.1f ms"
                            .formatted(percentileMillis(shared, 50), percentileMillis(shared, 99)));
                    table.add("ratio p50 2 nodes / 1 node | %.2f".formatted(percentileMillis(shared, 50)
                            / percentileMillis(alone, 50)));
                    concurrently(first, second, baselinePerSecond, table);
                }
            }
        }
        Path report = Path.of("target", "bench", "truthful-writes.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
        // an answer that disagrees with the store fails the build that runs the benchmark
        System.exit(table.stream().anyMatch(line -> line.startsWith("UNTRUTHFUL")) ? 1 : 0);
    }

    /**
     * Each create's answer waits until the read models hold it; with a segment on the other node, that node's
     * processor must first learn of the event from the store, as a lightly used cluster does for every call.
     */
    private static long[] oneAtATime(List<String> nodes) {
        long[] latencies = new long[ONE_AT_A_TIME];
        List<McpSyncClient> clients = nodes.stream().map(url -> McpSession.client(url, ADMIN_TOKEN)).toList();
        try {
            for (int call = -WARM_UP; call < ONE_AT_A_TIME; call++) {
                McpSyncClient client = clients.get(Math.floorMod(call, clients.size()));
                long sent = System.nanoTime();
                McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("create_agent",
                        Map.of("name", "one at a time " + call, "instructions", "Say hello.")));
                if (Boolean.TRUE.equals(result.isError())) {
                    throw new IllegalStateException("create_agent failed: " + result.content());
                }
                if (call >= 0) {
                    latencies[call] = System.nanoTime() - sent;
                }
                sleepQuietly(PAUSE_BETWEEN_CALLS);
            }
        } finally {
            clients.forEach(McpSyncClient::close);
        }
        return latencies;
    }

    private static double percentileMillis(long[] latenciesNanos, double percentile) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return OpenLoop.percentile(sorted, percentile) / 1e6;
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** 16 sessions spread over both nodes; agents created before (one at a time) are left out of the counts. */
    private static void concurrently(RunningPlatform first, RunningPlatform second, double baselinePerSecond,
                                     List<String> table) throws Exception {
        long before = agentsStored(first);
        Outcome outcome = creates(List.of(first.mcpUrl(), second.mcpUrl()));
        long stored = agentsStored(first) - before;
        table.add("create_agent answered success | %d of %d".formatted(outcome.successes(), CREATES));
        table.add("agents in the store | %d".formatted(stored));
        table.add("stored but answered as failed | %d".formatted(stored - outcome.successes()));
        table.add("failures by text | %s".formatted(outcome.failures()));
        table.add("create_agent rate, %d sessions on 2 nodes | %.0f/s".formatted(SESSIONS, outcome.perSecond()));
        table.add("single-row inserts, %d JDBC clients (baseline) | %.0f/s".formatted(SESSIONS, baselinePerSecond));
        table.add("ratio create_agent / baseline | %.3f".formatted(outcome.perSecond() / baselinePerSecond));
        if (stored != outcome.successes()) {
            table.add("UNTRUTHFUL: the store and the answers disagree");
        }
    }

    private static long agentsStored(RunningPlatform node) {
        return node.jdbc().sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?")
                .param("dev.agentry.command.api.AgentCreated").query(Long.class).single();
    }

    record Outcome(int successes, Map<String, Integer> failures, double perSecond) {
    }

    private static Outcome creates(List<String> nodes) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger successes = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int session = 0; session < SESSIONS; session++) {
            String url = nodes.get(session % nodes.size());
            running.add(sessions.submit(() -> {
                try (McpSyncClient client = McpSession.client(url, ADMIN_TOKEN)) {
                    for (int call = next.getAndIncrement(); call < CREATES; call = next.getAndIncrement()) {
                        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("create_agent",
                                Map.of("name", "agent " + call, "instructions", "Say hello.")));
                        if (Boolean.TRUE.equals(result.isError())) {
                            String text = ((McpSchema.TextContent) result.content().get(0)).text();
                            failures.merge(text.length() > 80 ? text.substring(0, 80) : text, 1, Integer::sum);
                        } else {
                            successes.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> session : running) {
            session.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        sessions.shutdown();
        return new Outcome(successes.get(), Map.copyOf(failures), CREATES / seconds);
    }
}
