package dev.agentry.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentry.command.api.MessageMetadata;
import dev.agentry.command.api.Schedule;
import dev.agentry.command.api.StopAgent;
import dev.agentry.infra.platform.testing.PostgresTestDatabase;
import dev.agentry.infra.platform.testing.RunningPlatform;
import dev.agentry.ops.endtoend.FinalAnswerServer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How late every-minute agents run: from each scheduled fire time to the moment the run's outcome
 * ({@code AgentRan} or {@code AgentFailed}) is stored, with an LLM that answers at once (a local chat-completions
 * server) and the embedded in-memory Temporal service. Many agents are compared with the baseline of a few agents
 * measured first in the same platform. Run with {@code mvn -B -pl ops -am -DskipTests -Pbench verify}; the table goes
 * to {@code ops/target/bench/fire-lag.txt}. Smaller: {@code -Dbench.fire-lag.agents=100 -Dbench.fire-lag.fires=1}.
 */
public final class FireLagBenchmark {

    private static final String MODEL = "bench-instant-model";
    private static final Schedule EVERY_MINUTE = new Schedule("* * * * *", "UTC");
    private static final double P99_TARGET_SECONDS = 1;
    /** how long after the last fire time of a window its outcomes may still come */
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String AGENT_RAN = "dev.agentry.command.api.AgentRan";
    private static final String AGENT_FAILED = "dev.agentry.command.api.AgentFailed";
    private static final String AGENT_RUN_SKIPPED = "dev.agentry.command.api.AgentRunSkipped";
    private static final ObjectMapper JSON = new ObjectMapper();

    private FireLagBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int baselineAgents = BenchTable.size("bench.fire-lag.baseline-agents", 10);
        int baselineFires = BenchTable.size("bench.fire-lag.baseline-fires", 1);
        int agents = BenchTable.size("bench.fire-lag.agents", 1_000);
        int fires = BenchTable.size("bench.fire-lag.fires", 3);
        Path home = Files.createTempDirectory("agentry-bench");
        List<String> table = new ArrayList<>();
        try (FinalAnswerServer llm = FinalAnswerServer.start(MODEL);
             PostgresTestDatabase database = PostgresTestDatabase.create();
             RunningPlatform platform = RunningPlatform.start(database, home,
                     "agentry.temporal.enabled=true",
                     "agentry.providers.preference=openai-compatible",
                     "agentry.providers.openai-compatible.base-url=" + llm.baseUrl(),
                     "agentry.providers.openai-compatible.models.basic=" + MODEL,
                     "agentry.providers.openai-compatible.models.standard=" + MODEL,
                     "agentry.providers.openai-compatible.models.advanced=" + MODEL)) {
            GatewayAgents owner = GatewayAgents.ofAdministrator(platform);

            Window baseline = measure(platform, owner, baselineAgents, baselineFires);
            stop(platform, baseline.agentIds());
            Window load = measure(platform, owner, agents, fires);
            stop(platform, load.agentIds());

            table.add("what | figure");
            table.add(baseline.line("baseline"));
            table.add(load.line("load"));
            table.add("ratio p50 load / baseline | %.1f".formatted(load.p50() / baseline.p50()));
            table.add("ratio p99 load / baseline | %.1f".formatted(load.p99() / baseline.p99()));
            table.add("LLM requests answered | %d".formatted(llm.requests()));
            table.add("target p99 < %.0f s with %d agents | %s".formatted(P99_TARGET_SECONDS, agents,
                    load.p99() < P99_TARGET_SECONDS && load.missing() == 0 && load.doubles() == 0 ? "met" : "MISSED"));
        }
        BenchTable.write("fire-lag.txt", table);
        System.exit(0);
    }

    /**
     * Lags of the fire times in a window, from the first whole minute after the agents are started; {@code runs} are
     * outcomes of distinct fire times, {@code doubles} fire times with more than one outcome.
     */
    record Window(List<String> agentIds, Duration setUp, Instant from, int fires, int runs, int failures, int skipped,
                  int doubles, int missing, double p50, double p99, double max, double cpuPerRunMillis) {

        String line(String name) {
            return ("%s: %d agents every minute (set up in %.0f s), %d fire times from %s | lag p50 %.2f s, p99 %.2f s,"
                    + " max %.2f s; %d runs, %d failed, %d skipped, %d doubles, %d fire times without an outcome;"
                    + " CPU of this process per run %.1f ms").formatted(
                    name, agentIds.size(), setUp.toMillis() / 1e3, fires, from, p50, p99, max, runs, failures, skipped,
                    doubles, missing, cpuPerRunMillis);
        }

        Window withCpu(long cpuNanos) {
            return new Window(agentIds, setUp, from, fires, runs, failures, skipped, doubles, missing, p50, p99, max,
                    runs == 0 ? Double.NaN : cpuNanos / 1e6 / runs);
        }
    }

    private static Window measure(RunningPlatform platform, GatewayAgents owner, int count, int fires) throws Exception {
        long settingUp = System.nanoTime();
        List<String> agentIds = owner.createStarted(count, EVERY_MINUTE);
        awaitSchedules(platform, agentIds);
        Duration setUp = Duration.ofNanos(System.nanoTime() - settingUp);
        // the first fire time every agent's schedule has certainly seen coming
        Instant from = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant until = from.plus(Duration.ofMinutes(fires));
        Instant giveUp = until.minus(Duration.ofMinutes(1)).plus(SETTLE);
        Set<String> ids = new HashSet<>(agentIds);
        // the CPU from the first fire time on: the runs, and the schedules waiting between them
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), from).toMillis()));
        long cpuFrom = BenchTable.processCpuNanos();
        while (true) {
            Thread.sleep(2_000);
            Window window = window(platform, ids, agentIds, setUp, from, until, fires);
            if (Instant.now().isAfter(until.minus(Duration.ofMinutes(1))) && window.missing() == 0 || Instant.now().isAfter(giveUp)) {
                return window.withCpu(BenchTable.processCpuNanos() - cpuFrom);
            }
        }
    }

    private static Window window(RunningPlatform platform, Set<String> ids, List<String> agentIds, Duration setUp,
                                 Instant from, Instant until, int fires) throws Exception {
        Map<String, Integer> outcomesPerFire = new HashMap<>();
        List<Double> lags = new ArrayList<>();
        int failures = 0;
        int skipped = 0;
        List<Map<String, Object>> rows = platform.jdbc().sql("""
                        SELECT aggregate_identifier, payload_type, time_stamp, payload FROM domain_event_entry
                        WHERE payload_type IN (?, ?, ?) AND global_index > 0""")
                .params(AGENT_RAN, AGENT_FAILED, AGENT_RUN_SKIPPED).query().listOfRows();
        for (Map<String, Object> row : rows) {
            String agentId = row.get("aggregate_identifier").toString();
            if (!ids.contains(agentId)) {
                continue;
            }
            JsonNode payload = JSON.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
            if (!"SCHEDULE".equals(payload.path("trigger").asText())) {
                continue;
            }
            Instant scheduledAt = instant(payload.path("scheduledAt"));
            if (scheduledAt.isBefore(from) || !scheduledAt.isBefore(until)) {
                continue;
            }
            String type = row.get("payload_type").toString();
            if (type.equals(AGENT_RUN_SKIPPED)) {
                skipped++;
                continue;
            }
            if (type.equals(AGENT_FAILED)) {
                failures++;
            }
            outcomesPerFire.merge(agentId + "@" + scheduledAt, 1, Integer::sum);
            Instant stored = Instant.parse(row.get("time_stamp").toString());
            lags.add(Duration.between(scheduledAt, stored).toNanos() / 1e9);
        }
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int doubles = (int) outcomesPerFire.values().stream().filter(outcomes -> outcomes > 1).count();
        int missing = agentIds.size() * fires - outcomesPerFire.size();
        return new Window(agentIds, setUp, from, fires, outcomesPerFire.size(), failures, skipped, doubles, missing,
                percentile(sorted, 50), percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1], Double.NaN);
    }

    /** Jackson writes an Instant as an ISO-8601 text or as decimal epoch seconds, depending on its settings. */
    private static Instant instant(JsonNode value) {
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(value.asText());
    }

    private static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** Until temporal-sync has started every agent's schedule workflow, so that no fire time counted came before it. */
    private static void awaitSchedules(RunningPlatform platform, List<String> agentIds) throws InterruptedException {
        WorkflowClient temporal = platform.bean(WorkflowClient.class);
        String namespace = temporal.getOptions().getNamespace();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        for (String agentId : agentIds) {
            while (true) {
                try {
                    temporal.getWorkflowServiceStubs().blockingStub().describeWorkflowExecution(
                            DescribeWorkflowExecutionRequest.newBuilder().setNamespace(namespace)
                                    .setExecution(WorkflowExecution.newBuilder().setWorkflowId("agent-" + agentId)).build());
                    break;
                } catch (StatusRuntimeException notYet) {
                    if (notYet.getStatus().getCode() != Status.Code.NOT_FOUND || Instant.now().isAfter(deadline)) {
                        throw notYet;
                    }
                    Thread.sleep(200);
                }
            }
        }
    }

    private static void stop(RunningPlatform platform, List<String> agentIds) {
        CommandGateway commands = platform.bean(CommandGateway.class);
        String owner = platform.jdbc().sql("SELECT owner_id FROM agent_status WHERE agent_id = ?")
                .param(agentIds.get(0)).query(String.class).single();
        agentIds.parallelStream().forEach(agentId ->
                commands.sendAndWait(MessageMetadata.sentBy(new StopAgent(agentId, owner), owner, "bench")));
    }
}
