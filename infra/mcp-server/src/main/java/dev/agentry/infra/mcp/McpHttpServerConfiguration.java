package dev.agentry.infra.mcp;

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
class McpHttpServerConfiguration {

    static final String ENDPOINT = "/mcp";

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
