package dev.agentry.infra.platform.testing;

import dev.agentry.command.api.MessageMetadata;
import dev.agentry.infra.platform.AgentryApplication;
import dev.agentry.infra.postgres.readmodel.ReadModelFreshness;
import dev.agentry.query.api.ReadModel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The whole application in this JVM on a test database, without the web server; close it to "stop the process".
 * Temporal is left out unless asked for with {@code agentry.temporal.enabled=true} (then the in-memory
 * service listens on a free port unless {@code agentry.temporal.embedded-port} or a target says otherwise).
 * Reconciliation at startup is off unless asked for with {@code agentry.reconciliation.on-startup=true}.
 */
public final class RunningPlatform implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningPlatform(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static RunningPlatform start(PostgresTestDatabase database, Path home, String... extraProperties) {
        return start(WebApplicationType.NONE, database, home, extraProperties);
    }

    /** The same, serving MCP over HTTP on a free port (see {@link #mcpUrl()}). */
    public static RunningPlatform serving(PostgresTestDatabase database, Path home, String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of("server.port=0"));
        properties.addAll(List.of(extraProperties));
        return start(WebApplicationType.SERVLET, database, home, properties.toArray(String[]::new));
    }

    private static RunningPlatform start(WebApplicationType web, PostgresTestDatabase database, Path home,
                                         String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + database.jdbcUrl(),
                "spring.datasource.username=" + PostgresTestDatabase.USER,
                "agentry.home=" + home,
                "agentry.admin-token=agt_test_admin_token_for_this_database_only",
                "agentry.temporal.enabled=false",
                "agentry.temporal.embedded-port=0",
                // tests set up schedules behind the platform's back, which reconciliation would repair at once
                "agentry.reconciliation.on-startup=false"));
        properties.addAll(List.of(extraProperties));
        // as command-line arguments, which outrank application.yml (default properties would not: its agentry.home
        // would send every test's files to ~/.agentry); one per name, the later winning
        java.util.Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String property : properties) {
            byName.put(property.substring(0, property.indexOf('=')), property);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AgentryApplication.class)
                .web(web)
                .run(byName.values().stream().map(property -> "--" + property).toArray(String[]::new));
        return new RunningPlatform(context);
    }

    /** The MCP endpoint of a platform started with {@link #serving}. */
    public String mcpUrl() {
        return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/mcp";
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of that name, where several of the type exist (e.g. Axon's {@code eventSerializer}). */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /** Every bean of the type, e.g. the MCP tools. */
    public <T> Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    /** Sends a command as the given user and waits until the read models include its effect. */
    public <R> R send(Object command, String actorId, String actorName) {
        R result = bean(CommandGateway.class).sendAndWait(MessageMetadata.sentBy(command, actorId, actorName));
        bean(ReadModelFreshness.class).awaitEventsStoredSoFar();
        return result;
    }

    public <R> Optional<R> queryOne(Object query, Class<R> type) {
        return bean(QueryGateway.class).query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }

    public <R> List<R> queryMany(Object query, Class<R> type) {
        return bean(QueryGateway.class).query(query, ResponseTypes.multipleInstancesOf(type)).join();
    }

    public long eventCount() {
        return jdbc().sql("SELECT COUNT(*) FROM domain_event_entry").query(Long.class).single();
    }

    /** This node's processor of every read model. */
    public List<StreamingEventProcessor> readModelProcessors() {
        return bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(processor -> ReadModel.TABLES.containsKey(processor.getName()))
                .map(StreamingEventProcessor.class::cast).toList();
    }

    /**
     * Two nodes started with two segments per read model, of which this one holds both: it lets go of every read
     * model's second segment long enough for {@code other} to claim it, which then keeps it, and waits until
     * {@code other} holds the second segments and this node the first ones.
     */
    public void shareSegmentsWith(RunningPlatform other) {
        readModelProcessors().forEach(processor -> processor.releaseSegment(1, 10, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(holdsOnly(other, 1) && holdsOnly(this, 0))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the other node did not take the second segment of every read model");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static boolean holdsOnly(RunningPlatform node, int segment) {
        return node.readModelProcessors().stream()
                .allMatch(processor -> processor.processingStatus().keySet().equals(java.util.Set.of(segment)));
    }

    @Override
    public void close() {
        context.close();
    }
}
