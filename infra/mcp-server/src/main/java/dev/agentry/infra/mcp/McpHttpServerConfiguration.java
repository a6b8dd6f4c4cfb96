package dev.agentry.infra.mcp;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;
import dev.agentry.infra.postgres.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import dev.agentry.infra.mcp.security.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.Optional;

/**
 * MCP over Streamable HTTP at {@value #ENDPOINT}. The bearer-token filter in front of it has already
 * authenticated each request; its caller travels to the tools in the transport context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression(NodeProperties.NOT_WORKER)
class McpHttpServerConfiguration {

    static final String ENDPOINT = "/mcp";
    private static final Duration SESSIONS_CLOSE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    HttpServletStreamableServerTransportProvider mcpHttpTransport(McpJsonMapper mcpJsonMapper, McpProperties properties) {
        return HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mcpJsonMapper)
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(McpHttpServerConfiguration::callerContext)
                .keepAliveInterval(properties.keepAlive())
                .sessionSweepInterval(properties.sessionIdleTimeout())
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider mcpHttpTransport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                new ServletRegistrationBean<>(mcpHttpTransport, ENDPOINT);
        registration.setName("mcp");
        // Streamable HTTP answers with server-sent event streams, which need asynchronous requests
        registration.setAsyncSupported(true);
        registration.setLoadOnStartup(1);
        return registration;
    }

    /**
     * A stopping node ends its MCP sessions first: the web server's graceful shutdown would otherwise wait for
     * their open event streams as for requests in progress. Clients reconnect to another node.
     */
    @Bean
    SmartLifecycle mcpSessionsEndedFirstOnShutdown(HttpServletStreamableServerTransportProvider mcpHttpTransport) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                running = false;
                try {
                    mcpHttpTransport.closeGracefully().block(SESSIONS_CLOSE_TIMEOUT);
                } catch (RuntimeException stillOpen) {
                    // a session that does not close in time is cut by the web server's own shutdown
                }
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** Before the web server's graceful shutdown (phase {@code Integer.MAX_VALUE - 1024}). */
            @Override
            public int getPhase() {
                return Integer.MAX_VALUE;
            }
        };
    }

    @Bean
    McpSyncServer mcpHttpServer(McpServerFactory factory, HttpServletStreamableServerTransportProvider mcpHttpTransport) {
        return factory.build(McpServer.sync(mcpHttpTransport), McpHttpServerConfiguration::callerOf, true);
    }

    private static McpTransportContext callerContext(HttpServletRequest request) {
        Object caller = request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        return caller == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(Caller.REQUEST_ATTRIBUTE, caller));
    }

    private static Optional<Caller> callerOf(McpSyncServerExchange exchange) {
        return exchange.transportContext().get(Caller.REQUEST_ATTRIBUTE) instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }
}
