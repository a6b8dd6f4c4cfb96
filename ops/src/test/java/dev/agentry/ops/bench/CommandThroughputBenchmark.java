package dev.agentry.ops.bench;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The command path's throughput on one node: {@code create_agent} from 16 MCP sessions, then {@code update_agent}
 * on every agent created (new instructions), each answer checked to show its own change, beside the baseline of
 * single-row inserts from as many JDBC clients on the same PostgreSQL in the same run (the machine is shared, so
 * the ratio is the figure to compare between runs). {@code -Dbench.commands=N} shrinks the run (default 3,000).
 * Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify} (or {@code exec:exec@command-throughput-benchmark}
 * after a build); the table goes to {@code ops/target/bench/command-throughput.txt}.
 */
public final class CommandThroughputBenchmark {

    private static final int SESSIONS = 16;
    private static final int COMMANDS = Integer.getInteger("bench.commands", 3_000);
    private static final int WARM_UP = 50;
    private static final double TARGET_PER_SECOND = 3_000;
    private static final String ADMIN_TOKEN = "agt_bench_command_throughput_admin_token_01";

    private CommandThroughputBenchmark() {
    }

    /** Per call, in milliseconds; failures by their (shortened) text; an answer that lacks its own change is untrue. */
    record Outcome(String tool, double perSecond, long[] latenciesNanos, Map<String, Integer> failures, int untrue) {

        double percentileMillis(double percentile) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return OpenLoop.percentile(sorted, percentile) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        boolean untruthful = false;
        try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
            double baseline = SingleRowInserts.perSecond(database, SESSIONS, COMMANDS);
            try (RunningPlatform node = RunningPlatform.serving(database, home.resolve("node"),
                    "agentry.admin-token=" + ADMIN_TOKEN)) {
                warmUp(node.mcpUrl());
                AtomicReferenceArray<String> agentIds = new AtomicReferenceArray<>(COMMANDS);
                Outcome creates = run("create_agent", node.mcpUrl(), call -> Map.of(
                        "name", "agent " + call, "instructions", "Say hello."), (call, answer) -> {
                    agentIds.set(call, (String) answer.get("agent_id"));
                    return "Say hello.".equals(answer.get("instructions"));
                });
                Outcome updates = run("update_agent", node.mcpUrl(), call -> Map.of(
                        "agent_id", agentIds.get(call), "instructions", "Say goodbye " + call + "."),
                        (call, answer) -> ("Say goodbye " + call + ".").equals(answer.get("instructions")));
                long stored = node.jdbc().sql("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?")
                        .param("dev.agentry.command.api.AgentCreated").query(Long.class).single();
                table.add("what | figure");
                table.add("single-row inserts, %d JDBC clients (baseline) | %.0f/s".formatted(SESSIONS, baseline));
                for (Outcome outcome : List.of(creates, updates)) {
                    table.add("%s, %d sessions on 1 node | %.0f/s, p50 %.1f ms, p99 %.1f ms".formatted(outcome.tool(),
                            SESSIONS, outcome.perSecond(), outcome.percentileMillis(50), outcome.percentileMillis(99)));
                    table.add("%s / baseline | %.3f".formatted(outcome.tool(), outcome.perSecond() / baseline));
                    table.add("%s / target %.0f/s | %.3f".formatted(outcome.tool(), TARGET_PER_SECOND,
                            outcome.perSecond() / TARGET_PER_SECOND));
                    table.add("%s failures | %s".formatted(outcome.tool(), outcome.failures()));
                    table.add("%s answers without their own change | %d".formatted(outcome.tool(), outcome.untrue()));
                    untruthful |= outcome.untrue() > 0 || !outcome.failures().isEmpty();
                }
                table.add("baseline / target %.0f/s | %.3f".formatted(TARGET_PER_SECOND, baseline / TARGET_PER_SECOND));
                table.add("agents in the store | %d of %d (%d of them warm-up)".formatted(stored, COMMANDS + WARM_UP, WARM_UP));
                untruthful |= stored != COMMANDS + WARM_UP;
                if (untruthful) {
                    table.add("UNTRUTHFUL: a call failed or an answer disagrees with the store");
                }
            }
        }
        Path report = Path.of("target", "bench", "command-throughput.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, table);
        table.forEach(System.out::println);
        System.exit(untruthful ? 1 : 0);
    }

    interface Arguments {
        Map<String, Object> of(int call);
    }

    interface Check {
        boolean holds(int call, Map<String, Object> answer);
    }

    /** JIT, connection pools and sessions warmed by a few calls that the figures leave out. */
    private static void warmUp(String url) {
        try (McpSyncClient client = McpSession.client(url, ADMIN_TOKEN)) {
            for (int call = 0; call < WARM_UP; call++) {
                client.callTool(new McpSchema.CallToolRequest("create_agent",
                        Map.of("name", "warm-up " + call, "instructions", "Warm up.")));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Outcome run(String tool, String url, Arguments arguments, Check check) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger untrue = new AtomicInteger();
        long[] latencies = new long[COMMANDS];
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        List<McpSyncClient> clients = new ArrayList<>();
        for (int session = 0; session < SESSIONS; session++) {
            clients.add(McpSession.client(url, ADMIN_TOKEN));
        }
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (McpSyncClient client : clients) {
            running.add(sessions.submit(() -> {
                for (int call = next.getAndIncrement(); call < COMMANDS; call = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments.of(call)));
                    latencies[call] = System.nanoTime() - sent;
                    if (Boolean.TRUE.equals(result.isError())) {
                        String text = ((McpSchema.TextContent) result.content().get(0)).text();
                        failures.merge(text.length() > 80 ? text.substring(0, 80) : text, 1, Integer::sum);
                    } else if (!check.holds(call, (Map<String, Object>) result.structuredContent())) {
                        untrue.incrementAndGet();
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
        clients.forEach(McpSyncClient::close);
        return new Outcome(tool, COMMANDS / seconds, latencies, Map.copyOf(failures), untrue.get());
    }
}
