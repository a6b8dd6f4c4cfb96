package dev.agentry.infra.mcp.admin;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.agentry.infra.mcp.JsonSchema;
import dev.agentry.infra.mcp.McpErrorLog;
import dev.agentry.infra.mcp.McpTool;
import dev.agentry.infra.mcp.McpToolDefinition;
import dev.agentry.infra.mcp.ToolArguments;
import dev.agentry.infra.mcp.ToolHints;
import dev.agentry.infra.mcp.security.Caller;
import dev.agentry.workflows.health.TemporalHealth;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.commons.lang3.StringUtils;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The platform's health in one answer, within a second even while a dependency is down: every check runs
 * at once with its own deadline, and a check that does not finish in time is reported as such.
 */
@Component
class SystemHealthTool implements McpTool<Void>, DisposableBean {

    /** Each check's share of the one second the answer may take. */
    static final Duration CHECK_TIMEOUT = Duration.ofMillis(700);
    private static final int MOST_ERROR_CHARACTERS = 300;

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ObjectProvider<TemporalHealth> temporal;
    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<JdbcClient> jdbc;
    private final NodeDirectory nodes;
    private final McpErrorLog mcpErrors;
    private final ExecutorService checks = Executors.newCachedThreadPool(check -> {
        Thread thread = new Thread(check, "system-health-check");
        thread.setDaemon(true);
        return thread;
    });

    SystemHealthTool(ObjectProvider<EventProcessingConfiguration> processing, ObjectProvider<TemporalHealth> temporal,
                     ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcClient> jdbc, NodeDirectory nodes,
                     McpErrorLog mcpErrors) {
        this.processing = processing;
        this.temporal = temporal;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.mcpErrors = mcpErrors;
    }

    @Override
    public McpSchema.Tool definition() {
        return McpToolDefinition.of("system_health", "Platform health",
                "Admin: the nodes, each event processor (position, lag behind the event store, segments, status, "
                        + "last error), Temporal, PostgreSQL, runs in progress and error rates over the last 15 "
                        + "minutes and hour, with an overall status (ok, degraded, down) and its reasons. Answers "
                        + "within a second even while a dependency is down.",
                JsonSchema.object().build(), SystemHealthAnswer.SCHEMA, ToolHints.READS_ONLY);
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Void bind(ToolArguments arguments) {
        return null;
    }

    @Override
    public SystemHealthAnswer execute(Caller caller, Void arguments) {
        CompletableFuture<SystemHealthAnswer.PostgresAnswer> postgres = check(this::postgres,
                new SystemHealthAnswer.PostgresAnswer(false, null, null, "PostgreSQL did not answer within " + CHECK_TIMEOUT.toMillis() + " ms"));
        CompletableFuture<SystemHealthAnswer.TemporalAnswer> temporalStatus = check(this::temporal,
                new SystemHealthAnswer.TemporalAnswer(false, "", "", "unknown", "unknown",
                        "Temporal did not answer within " + CHECK_TIMEOUT.toMillis() + " ms"));
        CompletableFuture<List<SystemHealthAnswer.ProcessorAnswer>> processors = check(this::processors, List.of());
        CompletableFuture<Long> runsInProgress = check(() -> count(
                "SELECT COUNT(*) FROM agent_runs WHERE outcome = 'RUNNING'"), null);
        CompletableFuture<SystemHealthAnswer.Window> last15 = check(() -> window(Duration.ofMinutes(15)), emptyWindow(Duration.ofMinutes(15)));
        CompletableFuture<SystemHealthAnswer.Window> lastHour = check(() -> window(Duration.ofHours(1)), emptyWindow(Duration.ofHours(1)));

        SystemHealthAnswer.PostgresAnswer db = postgres.join();
        SystemHealthAnswer.TemporalAnswer tq = temporalStatus.join();
        List<SystemHealthAnswer.ProcessorAnswer> processorAnswers = processors.join();
        List<String> reasons = new ArrayList<>();
        if (!db.reachable()) {
            reasons.add("PostgreSQL is not reachable: " + db.error());
        }
        if (!tq.reachable()) {
            reasons.add("Temporal is not reachable: " + tq.error());
        }
        processorAnswers.stream().filter(processor -> processor.status().equals("error"))
                .forEach(processor -> reasons.add("event processor " + processor.name() + " is failing: " + processor.lastError()));
        String status = !db.reachable() ? "down" : reasons.isEmpty() ? "ok" : "degraded";
        List<SystemHealthAnswer.NodeAnswer> nodeAnswers = nodes.nodes().stream()
                .map(node -> new SystemHealthAnswer.NodeAnswer(node.nodeId(), node.host(), node.version(), node.role(),
                        node.startedAt().toString(), node.lastHeartbeat().toString()))
                .toList();
        return new SystemHealthAnswer(status, reasons, nodeAnswers, processorAnswers, tq, db, runsInProgress.join(),
                new SystemHealthAnswer.ErrorRates(last15.join(), lastHour.join()));
    }

    private <T> CompletableFuture<T> check(Supplier<T> check, T whenLate) {
        return CompletableFuture.supplyAsync(check, checks)
                .completeOnTimeout(whenLate, CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> whenLate);
    }

    private SystemHealthAnswer.PostgresAnswer postgres() {
        DataSource source = dataSource.getIfAvailable();
        if (source == null) {
            return new SystemHealthAnswer.PostgresAnswer(false, null, null, "no database is configured");
        }
        Integer inUse = null;
        Integer max = null;
        if (source instanceof HikariDataSource hikari) {
            max = hikari.getMaximumPoolSize();
            HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
            inUse = pool == null ? 0 : pool.getActiveConnections();
        }
        try (Connection connection = source.getConnection()) {
            boolean valid = connection.isValid((int) Math.max(1, CHECK_TIMEOUT.toSeconds()));
            return new SystemHealthAnswer.PostgresAnswer(valid, inUse, max, valid ? null : "the connection is not valid");
        } catch (Exception unreachable) {
            return new SystemHealthAnswer.PostgresAnswer(false, inUse, max, rootMessage(unreachable));
        }
    }

    private SystemHealthAnswer.TemporalAnswer temporal() {
        TemporalHealth health = temporal.getIfAvailable();
        if (health == null) {
            return new SystemHealthAnswer.TemporalAnswer(false, "", "", "unknown", "unknown",
                    "this platform runs without Temporal");
        }
        TemporalHealth.Status status = health.check(CHECK_TIMEOUT.minusMillis(100));
        return new SystemHealthAnswer.TemporalAnswer(status.reachable(), status.namespace(), status.taskQueue(),
                status.pollers() == null ? "unknown" : status.pollers(),
                status.backlog() == null ? "unknown" : status.backlog(), status.error());
    }

    private List<SystemHealthAnswer.ProcessorAnswer> processors() {
        EventProcessingConfiguration configuration = processing.getIfAvailable();
        if (configuration == null) {
            return List.of();
        }
        Long head = count("SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
        return configuration.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(java.util.Comparator.comparing(StreamingEventProcessor::getName))
                .map(processor -> processor(processor, head))
                .toList();
    }

    private static SystemHealthAnswer.ProcessorAnswer processor(StreamingEventProcessor processor, Long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Long position = segments.stream().filter(segment -> segment.getCurrentPosition().isPresent())
                .mapToLong(segment -> segment.getCurrentPosition().getAsLong()).min().stream().boxed().findFirst().orElse(null);
        Long lag = head == null ? null : Math.max(0, head - (position == null ? 0 : position));
        Throwable error = segments.stream().filter(EventTrackerStatus::isErrorState).map(EventTrackerStatus::getError)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean failing = segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        String status = failing ? "error" : processor.isRunning() ? "running" : "stopped";
        return new SystemHealthAnswer.ProcessorAnswer(processor.getName(), position, lag, segments.size(), status,
                error == null ? null : rootMessage(error));
    }

    private SystemHealthAnswer.Window window(Duration window) {
        Instant since = Instant.now().minus(window);
        JdbcClient client = jdbc.getIfAvailable();
        Long failed = null;
        Map<String, Long> byKind = new TreeMap<>();
        if (client != null) {
            failed = client.sql("SELECT COUNT(*) FROM agent_runs WHERE outcome = 'FAILED' AND finished_at >= ?")
                    .param(java.sql.Timestamp.from(since)).query(Long.class).single();
            client.sql("""
                            SELECT COALESCE(error_kind, 'UNKNOWN') AS kind, COUNT(*) AS failures FROM agent_runs
                            WHERE outcome = 'FAILED' AND finished_at >= ? GROUP BY 1""")
                    .param(java.sql.Timestamp.from(since))
                    .query((row, number) -> Map.entry(row.getString(1).toLowerCase(java.util.Locale.ROOT), row.getLong(2)))
                    .list().forEach(entry -> byKind.put(entry.getKey(), entry.getValue()));
        }
        return new SystemHealthAnswer.Window(failed, mcpErrors.countsOver(window), byKind);
    }

    private SystemHealthAnswer.Window emptyWindow(Duration window) {
        return new SystemHealthAnswer.Window(null, mcpErrors.countsOver(window), Map.of());
    }

    private Long count(String sql) {
        JdbcClient client = jdbc.getIfAvailable();
        return client == null ? null : client.sql(sql).query(Long.class).single();
    }

    /**
     * The innermost cause's own words, without class names, on one line: PostgreSQL's driver appends where in
     * the server the error arose (a function and line), which says nothing to an operator.
     */
    private static String rootMessage(Throwable failure) {
        Throwable root = ExceptionUtils.getRootCause(failure);
        String message = (root == null ? failure : root).getMessage();
        return shortened(message == null ? null : message.lines().findFirst().orElse("").strip());
    }

    private static String shortened(String message) {
        return StringUtils.abbreviate(message == null ? "unknown" : message, MOST_ERROR_CHARACTERS);
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
