package dev.agentry.ops;

import dev.agentry.infra.platform.PlatformHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "mcp-stdio",
        description = {"Relays MCP between standard input and output and a running platform, as the user whose token is in AGENTRY_TOKEN.",
                "It starts nothing of its own: start the platform with 'agentry serve' first."})
class McpStdioCommand implements Callable<Integer> {

    private static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080/mcp";

    @Option(names = "--url", description = "the platform's MCP endpoint; default: the one the platform last started"
            + " on AGENTRY_HOME recorded, else " + DEFAULT_ENDPOINT)
    URI url;

    @Override
    public Integer call() throws IOException, InterruptedException {
        String token = System.getenv().getOrDefault("AGENTRY_TOKEN", "").strip();
        if (token.isEmpty()) {
            System.err.println("AGENTRY_TOKEN is not set: give mcp-stdio the bearer token of the user it acts as");
            return 2;
        }
        URI endpoint = url != null ? url : recordedEndpoint();
        McpStdioBridge bridge = new McpStdioBridge(endpoint, token, System.out, System.err);
        if (!bridge.platformAnswers()) {
            System.err.println("No Agentry platform answers at " + endpoint
                    + ": start one with 'java -jar agentry.jar serve' (or give its endpoint with --url)");
            return 1;
        }
        return bridge.relay(System.in);
    }

    private static URI recordedEndpoint() throws IOException {
        String configuredHome = System.getenv().getOrDefault("AGENTRY_HOME", "");
        Path home = configuredHome.isBlank() ? Path.of(System.getProperty("user.home"), ".agentry") : Path.of(configuredHome);
        Path recorded = PlatformHome.mcpEndpointFile(home);
        if (!Files.isRegularFile(recorded)) {
            return URI.create(DEFAULT_ENDPOINT);
        }
        return URI.create(Files.readString(recorded, StandardCharsets.UTF_8).strip());
    }
}
