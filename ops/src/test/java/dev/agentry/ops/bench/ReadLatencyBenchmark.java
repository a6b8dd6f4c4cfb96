package dev.agentry.ops.bench;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The read tools under load. {@code get_agent} at a fixed open-loop rate from 16 MCP sessions over many agents
 * (sessions of {@link LeanMcpSession}; then once more through the SDK's client, whose own work shares the 2 cores),
 * against the baselines of the same rate of the row's plain JDBC select, and of MCP pings (the HTTP and MCP round
 * trip without a tool) on the same sessions; and {@code list_agents} walking every page with {@code cursor}, against
 * the same page query in plain JDBC. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}; the table goes
 * to {@code ops/target/bench/read-latency.txt}. Smaller: {@code -Dbench.read-latency.agents=300
 * -Dbench.read-latency.seconds=5}.
 */
public final class ReadLatencyBenchmark {

    private static final int SESSIONS = 16;
    private static final String ADMIN_TOKEN = "agt_bench_read_latency_admin_token_00001";
    private static final double GET_AGENT_P99_TARGET_MILLIS = 10;
    private static final double PAGE_TARGET_MILLIS = 20;
    private static final String PAGE_QUERY = """
            SELECT a.*, u.username AS owner
            FROM agent_status a LEFT JOIN users u ON u.user_id = a.owner_id
            WHERE a.owner_id = ? AND a.status <> 'DELETED' AND (a.created_at, a.agent_id) > (?, ?)
            ORDER BY a.created_at, a.agent_id LIMIT ?""";

    private ReadLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agents = BenchTable.size("bench.read-latency.agents", 3_000);
        int perSecond = BenchTable.size("bench.read-latency.rate", 1_000);
        Duration measured = Duration.ofSeconds(BenchTable.size("bench.read-latency.seconds", 20));
        int walks = BenchTable.size("bench.read-latency.walks", 3);
        // a 2-core machine shared by the platform, its clients and PostgreSQL varies from run to run: each round is reported
        int rounds = BenchTable.size("bench.read-latency.rounds", 3);
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.serving(database, home, "agentry.admin-token=" + ADMIN_TOKEN)) {
            GatewayAgents owner = GatewayAgents.ofAdministrator(platform);
            long creating = System.nanoTime();
            List<String> agentIds = owner.createManual(agents);
            double createSeconds = (System.nanoTime() - creating) / 1e9;
            String ownerId = platform.jdbc().sql("SELECT owner_id FROM agent_status WHERE agent_id = ?")
                    .param(agentIds.get(0)).query(String.class).single();

            List<McpSession> sessions = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            try {
                for (int session = 0; session < SESSIONS; session++) {
                    sessions.add(McpSession.lean(platform.mcpUrl(), ADMIN_TOKEN));
                    connections.add(database.connect());
                }
                List<OpenLoop.Session> getAgent = getAgentCalls(sessions, agentIds);
                List<OpenLoop.Session> ping = sessions.stream().<OpenLoop.Session>map(session -> index -> session.ping()).toList();
                List<OpenLoop.Session> select = new ArrayList<>();
                for (Connection connection : connections) {
                    PreparedStatement row = connection.prepareStatement("SELECT * FROM agent_status WHERE agent_id = ?");
                    select.add(index -> {
                        row.setString(1, agentIds.get(spread(index, agentIds.size())));
                        readAll(row);
                    });
                }
                // the JIT and the pools warm up first, for as long as a measured round: after 5 s of calls the JIT
                // was still compiling the tool's path during the first measured round, on the same 2 cores
                OpenLoop.Figures warmUp = OpenLoop.run(getAgent, perSecond, measured);
                OpenLoop.run(select, perSecond, Duration.ofSeconds(2));
                OpenLoop.Figures jdbc = OpenLoop.run(select, perSecond, measured);
                OpenLoop.Figures pings = OpenLoop.run(ping, perSecond, measured);
                // not reported: the tool's path again, briefly, so that the first round does not start from the pings
                OpenLoop.run(getAgent, perSecond, Duration.ofSeconds(5));
                List<OpenLoop.Figures> toolRounds = new ArrayList<>();
                long toolCpu = BenchTable.processCpuNanos();
                for (int round = 0; round < rounds; round++) {
                    toolRounds.add(OpenLoop.run(getAgent, perSecond, measured));
                }
                toolCpu = BenchTable.processCpuNanos() - toolCpu;
                int toolCalls = toolRounds.stream().mapToInt(OpenLoop.Figures::calls).sum();
                OpenLoop.Figures tool = toolRounds.stream().max(Comparator.comparingDouble(OpenLoop.Figures::p99)).orElseThrow();
                OpenLoop.Figures throughTheSdk = getAgentThroughTheSdkClient(platform.mcpUrl(), agentIds, perSecond, measured);

                table.add("what | figure");
                table.add("agents of one owner (created through the command gateway in %.0f s) | %d".formatted(createSeconds, agents));
                table.add("open-loop rate asked, %d sessions, %d s each | %d calls/s".formatted(SESSIONS, measured.toSeconds(), perSecond));
                table.add("get_agent, warm-up round (not counted) | %s; %.0f calls/s achieved; %d failed of %d".formatted(
                        warmUp.latencies(), warmUp.achievedPerSecond(), warmUp.failures(), warmUp.calls()));
                for (int round = 0; round < rounds; round++) {
                    OpenLoop.Figures figures = toolRounds.get(round);
                    table.add("get_agent, round %d of %d | %s; %.0f calls/s achieved; %d failed of %d".formatted(round + 1, rounds,
                            figures.latencies(), figures.achievedPerSecond(), figures.failures(), figures.calls()));
                }
                table.add("get_agent, the Java MCP SDK's client instead (its own work on the same 2 cores) | %s; %.0f calls/s achieved; %d failed of %d"
                        .formatted(throughTheSdk.latencies(), throughTheSdk.achievedPerSecond(), throughTheSdk.failures(), throughTheSdk.calls()));
                table.add("baseline: JDBC SELECT * FROM agent_status WHERE agent_id = ? | %s; %.0f/s achieved; %d failed".formatted(
                        jdbc.latencies(), jdbc.achievedPerSecond(), jdbc.failures()));
                table.add("baseline: MCP ping (HTTP round trip, no tool) | %s; %.0f/s achieved; %d failed".formatted(
                        pings.latencies(), pings.achievedPerSecond(), pings.failures()));
                // steadier from run to run than a p99: what a call costs this process (the platform and the sessions),
                // its idle work included
                table.add("CPU of this process (platform and clients) per call: get_agent, measured rounds | %.3f ms".formatted(
                        toolCpu / 1e6 / toolCalls));
                table.add("ratio get_agent p99 (the slowest round) / JDBC p99 | %.1f".formatted(tool.p99() / jdbc.p99()));
                table.add("ratio get_agent p99 (the slowest round) / MCP ping p99 | %.1f".formatted(tool.p99() / pings.p99()));
                table.add("target get_agent p99 < %.0f ms at %d/s, every round | %s".formatted(GET_AGENT_P99_TARGET_MILLIS, perSecond,
                        tool.p99() < GET_AGENT_P99_TARGET_MILLIS && tool.failures() == 0 && tool.unsent() == 0
                                && tool.achievedPerSecond() >= 0.95 * perSecond ? "met" : "MISSED"));

                for (int limit : new int[] {50, 500}) {
                    walkPages(sessions.get(0), limit, agents);  // warm-up
                    walkSql(connections.get(0), ownerId, limit, agents);
                    List<Long> toolPages = new ArrayList<>();
                    List<Long> sqlPages = new ArrayList<>();
                    for (int walk = 0; walk < walks; walk++) {
                        toolPages.addAll(walkPages(sessions.get(0), limit, agents));
                        sqlPages.addAll(walkSql(connections.get(0), ownerId, limit, agents));
                    }
                    long[] tools = sorted(toolPages);
                    long[] sql = sorted(sqlPages);
                    table.add("list_agents limit %d, %d walks of every page (%d pages) | %s".formatted(limit, walks,
                            tools.length, pageFigures(tools)));
                    table.add("baseline: the same page query in JDBC, limit %d | %s".formatted(limit, pageFigures(sql)));
                    table.add("ratio list_agents / SQL page, limit %d (p50) | %.1f".formatted(limit,
                            (double) OpenLoop.percentile(tools, 50) / OpenLoop.percentile(sql, 50)));
                    table.add("target list_agents limit %d < %.0f ms a page (p99) | %s".formatted(limit, PAGE_TARGET_MILLIS,
                            OpenLoop.percentile(tools, 99) / 1e6 < PAGE_TARGET_MILLIS ? "met" : "MISSED"));
                }
            } finally {
                sessions.forEach(McpSession::close);
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
        BenchTable.write("read-latency.txt", table);
        System.exit(0);
    }

    private static OpenLoop.Figures getAgentThroughTheSdkClient(String url, List<String> agentIds, int perSecond,
                                                                 Duration measured) throws Exception {
        List<McpSession> sessions = new ArrayList<>();
        try {
            for (int session = 0; session < SESSIONS; session++) {
                sessions.add(McpSession.connect(url, ADMIN_TOKEN));
            }
            List<OpenLoop.Session> getAgent = getAgentCalls(sessions, agentIds);
            OpenLoop.run(getAgent, perSecond, Duration.ofSeconds(5));
            return OpenLoop.run(getAgent, perSecond, measured);
        } finally {
            sessions.forEach(McpSession::close);
        }
    }

    /** get_agent on each session, call number {@code index} of agent number {@code spread(index)}. */
    private static List<OpenLoop.Session> getAgentCalls(List<McpSession> sessions, List<String> agentIds) {
        return sessions.stream().<OpenLoop.Session>map(session -> index ->
                session.call("get_agent", Map.of("agent_id", agentIds.get(spread(index, agentIds.size()))))).toList();
    }

    /** Call number {@code index} reads agent number {@code spread(index)}: all agents, in no particular order. */
    private static int spread(long index, int agents) {
        return (int) ((index * 7_919L) % agents);
    }

    /** Every page of list_agents in turn, each page's time in nanoseconds. */
    @SuppressWarnings("unchecked")
    private static List<Long> walkPages(McpSession session, int limit, int agents) {
        List<Long> pages = new ArrayList<>();
        int seen = 0;
        String cursor = null;
        do {
            Map<String, Object> arguments = new HashMap<>(Map.of("limit", limit));
            if (cursor != null) {
                arguments.put("cursor", cursor);
            }
            long started = System.nanoTime();
            Map<String, Object> page = session.call("list_agents", arguments);
            pages.add(System.nanoTime() - started);
            seen += ((List<Object>) page.get("agents")).size();
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        if (seen != agents) {
            throw new IllegalStateException("list_agents walked " + seen + " agents of " + agents);
        }
        return pages;
    }

    /** The tool's page query in plain JDBC, walked the same way: one row more than the page asks whether more follow. */
    private static List<Long> walkSql(Connection connection, String ownerId, int limit, int agents) throws SQLException {
        List<Long> pages = new ArrayList<>();
        int seen = 0;
        Timestamp afterCreatedAt = new Timestamp(0);
        String afterAgentId = "";
        try (PreparedStatement page = connection.prepareStatement(PAGE_QUERY)) {
            while (true) {
                long started = System.nanoTime();
                page.setString(1, ownerId);
                page.setTimestamp(2, afterCreatedAt);
                page.setString(3, afterAgentId);
                page.setInt(4, Math.min(limit + 1, 500));
                int rows = 0;
                try (ResultSet found = page.executeQuery()) {
                    int columns = found.getMetaData().getColumnCount();
                    while (found.next() && rows < limit) {
                        for (int column = 1; column <= columns; column++) {
                            found.getObject(column);
                        }
                        afterCreatedAt = found.getTimestamp("created_at");
                        afterAgentId = found.getString("agent_id");
                        rows++;
                    }
                }
                pages.add(System.nanoTime() - started);
                seen += rows;
                if (rows < limit) {
                    break;
                }
            }
        }
        if (seen != agents) {
            throw new IllegalStateException("the page query walked " + seen + " agents of " + agents);
        }
        return pages;
    }

    private static void readAll(PreparedStatement statement) throws SQLException {
        try (ResultSet found = statement.executeQuery()) {
            int columns = found.getMetaData().getColumnCount();
            if (!found.next()) {
                throw new IllegalStateException("no such agent");
            }
            for (int column = 1; column <= columns; column++) {
                found.getObject(column);
            }
        }
    }

    private static long[] sorted(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String pageFigures(long[] sortedNanos) {
        return "p50 %.2f ms, p99 %.2f ms, max %.1f ms a page".formatted(OpenLoop.percentile(sortedNanos, 50) / 1e6,
                OpenLoop.percentile(sortedNanos, 99) / 1e6, Arrays.stream(sortedNanos).max().orElse(0) / 1e6);
    }
}
