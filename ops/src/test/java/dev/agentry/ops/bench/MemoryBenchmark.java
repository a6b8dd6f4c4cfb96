package dev.agentry.ops.bench;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.ops.endtoend.PlatformProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory (VmRSS) of the packaged platform ({@code agentry.jar serve}, a process of its own, started with the
 * JVM's default flags as the README starts it) on a PostgreSQL database with the embedded Temporal service: idle
 * with no agent (the baseline), after {@code create_agent} of many agents from 16 MCP sessions, and after reads
 * under load. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify} (it needs {@code target/agentry.jar});
 * the table goes to {@code ops/target/bench/memory.txt}. Smaller: {@code -Dbench.memory.agents=1000}; with JVM flags of
 * the operator's choice: {@code -Dbench.memory.jvm-options="-Xmx256m -XX:+UseSerialGC"}.
 */
public final class MemoryBenchmark {

    private static final int SESSIONS = 16;
    private static final String ADMIN_TOKEN = "agt_bench_memory_admin_token_0000000001";
    private static final long TARGET_MEGABYTES = 512;
    private static final Duration IDLE = Duration.ofSeconds(15);

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agents = BenchTable.size("bench.memory.agents", 10_000);
        int readsPerSecond = BenchTable.size("bench.memory.reads-per-second", 300);
        Duration reading = Duration.ofSeconds(BenchTable.size("bench.memory.read-seconds", 20));
        List<String> jvmOptions = Arrays.stream(System.getProperty("bench.memory.jvm-options", "").split("\\s+"))
                .filter(option -> !option.isBlank()).toList();
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             PlatformProcess platform = PlatformProcess.startWithJvmOptions(database, home, ADMIN_TOKEN,
                     Path.of("target", "bench", "memory-platform.log").toAbsolutePath(), jvmOptions)) {
            long pid = platform.handle().pid();
            Thread.sleep(IDLE.toMillis());
            Memory idle = Memory.of(pid);

            List<McpSession> sessions = new ArrayList<>();
            try {
                for (int session = 0; session < SESSIONS; session++) {
                    sessions.add(McpSession.connect(platform.mcpUrl(), ADMIN_TOKEN));
                }
                long creating = System.nanoTime();
                List<String> agentIds = create(sessions, agents);
                double createSeconds = (System.nanoTime() - creating) / 1e9;
                Thread.sleep(IDLE.toMillis());
                Memory created = Memory.of(pid);

                List<OpenLoop.Session> getAgent = sessions.stream().<OpenLoop.Session>map(session -> index ->
                        session.call("get_agent", Map.of("agent_id", agentIds.get((int) ((index * 7_919L) % agentIds.size()))))).toList();
                OpenLoop.Figures reads = OpenLoop.run(getAgent, readsPerSecond, reading);
                int listed = walkAllPages(sessions.get(0));
                Memory loaded = Memory.of(pid);
                jcmd(pid, "GC.run");
                Thread.sleep(2_000);
                Memory collected = Memory.of(pid);

                table.add("what | figure");
                table.add("JVM flags | %s: max heap %d MB of %d MB RAM".formatted(jvmOptions.isEmpty()
                        ? "the defaults (README: java -jar agentry.jar serve)" : String.join(" ", jvmOptions),
                        maxHeapMegabytes(pid), physicalMegabytes()));
                table.add("idle, 0 agents (baseline) | %s".formatted(idle));
                table.add("after create_agent x %d from %d sessions (%.0f/s) | %s".formatted(agentIds.size(), SESSIONS,
                        agentIds.size() / createSeconds, created));
                table.add("after get_agent at %d/s for %d s (%s) and list_agents over all %d | %s".formatted(readsPerSecond,
                        reading.toSeconds(), reads.latencies(), listed, loaded));
                table.add("after a full GC (jcmd GC.run) | %s".formatted(collected));
                table.add("ratio RSS with %d agents / idle | %.2f".formatted(agents, (double) created.rssKb() / idle.rssKb()));
                table.add("ratio RSS after load / idle | %.2f".formatted((double) loaded.rssKb() / idle.rssKb()));
                table.add("target RSS < %d MB with %d agents (after load) | %s".formatted(TARGET_MEGABYTES, agents,
                        Math.max(created.rssKb(), loaded.rssKb()) / 1024 < TARGET_MEGABYTES ? "met" : "MISSED"));
            } finally {
                sessions.forEach(McpSession::close);
            }
        }
        BenchTable.write("memory.txt", table);
        System.exit(0);
    }

    /** VmRSS (now) and VmHWM (the peak so far) of a process, from {@code /proc/<pid>/status}. */
    record Memory(long rssKb, long peakKb) {

        static Memory of(long pid) throws IOException {
            String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
            return new Memory(kilobytes(status, "VmRSS"), kilobytes(status, "VmHWM"));
        }

        private static long kilobytes(String status, String field) {
            Matcher value = Pattern.compile("^" + field + ":\\s+(\\d+) kB", Pattern.MULTILINE).matcher(status);
            if (!value.find()) {
                throw new IllegalStateException("no " + field + " in /proc status");
            }
            return Long.parseLong(value.group(1));
        }

        @Override
        public String toString() {
            return "VmRSS %d MB (peak VmHWM %d MB)".formatted(rssKb / 1024, peakKb / 1024);
        }
    }

    private static List<String> create(List<McpSession> sessions, int agents) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<String> agentIds = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(sessions.size());
        List<Future<?>> running = new ArrayList<>();
        for (McpSession session : sessions) {
            running.add(threads.submit(() -> {
                for (int agent = next.getAndIncrement(); agent < agents; agent = next.getAndIncrement()) {
                    agentIds.add(session.call("create_agent", Map.of("name", "agent " + agent,
                            "instructions", "Say that all is quiet.")).get("agent_id").toString());
                }
                return null;
            }));
        }
        for (Future<?> session : running) {
            session.get();
        }
        threads.shutdown();
        return List.copyOf(agentIds);
    }

    @SuppressWarnings("unchecked")
    private static int walkAllPages(McpSession session) {
        int seen = 0;
        String cursor = null;
        do {
            Map<String, Object> arguments = new HashMap<>(Map.of("limit", 500));
            if (cursor != null) {
                arguments.put("cursor", cursor);
            }
            Map<String, Object> page = session.call("list_agents", arguments);
            seen += ((List<Object>) page.get("agents")).size();
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return seen;
    }

    private static long maxHeapMegabytes(long pid) throws Exception {
        Matcher flag = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(jcmd(pid, "VM.flags"));
        return flag.find() ? Long.parseLong(flag.group(1)) / (1024 * 1024) : -1;
    }

    private static long physicalMegabytes() throws IOException {
        return Memory.kilobytes(Files.readString(Path.of("/proc/meminfo")).replace("MemTotal", "VmRSS"), "VmRSS") / 1024;
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }
}
