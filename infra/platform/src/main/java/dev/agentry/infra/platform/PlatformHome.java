package dev.agentry.infra.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** @param home {@code AGENTRY_HOME}: where the platform keeps its data and records its MCP endpoint */
@ConfigurationProperties("agentry")
public record PlatformHome(Path home) {

    /** The file that holds the MCP endpoint of the platform last started on this home, for {@code mcp-stdio}. */
    public static Path mcpEndpointFile(Path home) {
        return home.resolve("mcp-endpoint");
    }
}
