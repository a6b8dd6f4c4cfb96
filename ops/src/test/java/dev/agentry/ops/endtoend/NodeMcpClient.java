package dev.agentry.ops.endtoend;

import dev.agentry.infra.platform.testing.PostgresTestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js project in {@code src/test/mcp-client}: the official TypeScript MCP client,
 * used against the platform exactly as any outside client would use it.
 */
final class NodeMcpClient {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    private final Path project;
    private final Map<String, String> environment;

    /** What one node run printed and how it ended. */
    record Outcome(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private NodeMcpClient(Path project, Map<String, String> environment) {
        this.project = project;
        this.environment = environment;
    }

    /**
     * The client project, checked to be runnable; fails at once, saying what to install, when Node.js
     * or the project's dependencies ({@code npm ci}, run by the build before the integration tests) are missing.
     */
    static NodeMcpClient installed() {
        Path project = Path.of(System.getProperty("agentry.mcpClientDir", "src/test/mcp-client")).toAbsolutePath();
        requireNode(project);
        if (!Files.isDirectory(project.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            throw new IllegalStateException("the MCP client's dependencies are not installed: run 'npm ci' in " + project);
        }
        return new NodeMcpClient(project, Map.of());
    }

    /** This client aimed at a running platform whose event store is the given database. */
    NodeMcpClient against(PlatformProcess platform, String adminToken, PostgresTestDatabase database) {
        return new NodeMcpClient(project, Map.of(
                "AGENTRY_MCP_URL", platform.mcpUrl(),
                "AGENTRY_ADMIN_TOKEN", adminToken,
                "AGENTRY_PG_URL", nodePostgresUrl(database)));
    }

    /** This client aimed at a running platform on the embedded default, whose event store the tests do not read. */
    NodeMcpClient against(PlatformProcess platform, String adminToken) {
        return new NodeMcpClient(project, Map.of(
                "AGENTRY_MCP_URL", platform.mcpUrl(),
                "AGENTRY_ADMIN_TOKEN", adminToken));
    }

    /** This client with one more environment variable for the tests, e.g. how the platform was configured. */
    NodeMcpClient withEnvironment(String name, String value) {
        Map<String, String> extended = new java.util.HashMap<>(environment);
        extended.put(name, value);
        return new NodeMcpClient(project, Map.copyOf(extended));
    }

    /**
     * Runs every {@code *.test.mjs} file, one file at a time; only the files that the system property
     * {@code agentry.e2e.files} names (comma-separated, e.g. {@code slack.test.mjs,failure-notices.test.mjs}) when set.
     */
    Outcome runTestSuite(Path log) {
        List<String> arguments = new ArrayList<>(List.of("--test", "--test-reporter=spec", "--test-concurrency=1"));
        String files = System.getProperty("agentry.e2e.files", "");
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                arguments.add(file.trim());
            }
        }
        return run(log, arguments.toArray(String[]::new));
    }

    /** Runs one script of the {@code scenarios} folder with the given arguments. */
    Outcome runScenario(Path log, String script, String... arguments) {
        List<String> nodeArguments = new ArrayList<>(List.of("scenarios/" + script));
        nodeArguments.addAll(List.of(arguments));
        return run(log, nodeArguments.toArray(String[]::new));
    }

    private Outcome run(Path log, String... nodeArguments) {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(nodeArguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process node = builder.start();
            if (!node.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly().waitFor();
                return new Outcome(-1, read(log) + "\n---- node did not finish within " + RUN_TIMEOUT.toSeconds() + " s");
            }
            return new Outcome(node.exitValue(), read(log));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " in " + project, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    /** The database's JDBC URL in the form node-postgres reads: postgres://user@host:port/name. */
    private static String nodePostgresUrl(PostgresTestDatabase database) {
        URI server = URI.create(database.jdbcUrl().substring("jdbc:".length()));
        int port = server.getPort() == -1 ? 5432 : server.getPort();
        return "postgres://" + PostgresTestDatabase.USER + "@" + server.getHost() + ":" + port + "/" + database.name();
    }

    private static void requireNode(Path project) {
        String version;
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            version = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            node.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("the end-to-end tests need Node.js 20 or newer and npm on the PATH"
                    + " (they drive the platform with the official TypeScript MCP client in " + project
                    + "); install Node.js or skip them with -DskipITs", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for node", e);
        }
        int major = version.matches("v\\d+\\..*") ? Integer.parseInt(version.substring(1, version.indexOf('.'))) : 0;
        if (major < 20) {
            throw new IllegalStateException("the end-to-end tests need Node.js 20 or newer, found '" + version + "'");
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(node output " + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
