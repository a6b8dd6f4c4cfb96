package dev.agentry.infra.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the platform where MCP listens and how to connect a client. */
@Component
class ReadyAnnouncement {

    @EventListener
    void announce(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String endpoint = "http://127.0.0.1:" + web.getWebServer().getPort() + "/mcp";
        System.out.println("""
                Agentry MCP endpoint: %s
                  Connect an MCP client over Streamable HTTP with the header 'Authorization: Bearer <token>'.
                  The first start printed the admin token (or used AGENTRY_ADMIN_TOKEN).""".formatted(endpoint));
    }
}
