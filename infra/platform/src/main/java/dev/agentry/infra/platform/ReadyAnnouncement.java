package dev.agentry.infra.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Tells whoever started the platform where MCP listens and how to connect a client, and records the
 * address under {@code AGENTRY_HOME} for {@code agentry mcp-stdio} to find.
 */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final PlatformHome home;

    ReadyAnnouncement(PlatformHome home) {
        this.home = home;
    }

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String endpoint = "http://127.0.0.1:" + web.getWebServer().getPort() + "/mcp";
        record(endpoint);
        System.out.println("""
                Agentry MCP endpoint: %s
                  Connect an MCP client over Streamable HTTP with the header 'Authorization: Bearer <token>'.
                  The first start printed the admin token (or used AGENTRY_ADMIN_TOKEN).""".formatted(endpoint));
    }

    private void record(String endpoint) {
        try {
            Files.createDirectories(home.home());
            Path target = PlatformHome.mcpEndpointFile(home.home());
            Path written = Files.createTempFile(home.home(), target.getFileName().toString(), ".tmp");
            Files.writeString(written, endpoint + "\n", StandardCharsets.UTF_8);
            // whole or not at all: a reader never sees half an address
            Files.move(written, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not record the MCP endpoint under {} for mcp-stdio: {}", home.home(), e.toString());
        }
    }
}
