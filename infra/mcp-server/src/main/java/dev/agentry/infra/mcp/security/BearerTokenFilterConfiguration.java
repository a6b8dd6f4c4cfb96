package dev.agentry.infra.mcp.security;

import dev.agentry.infra.mcp.McpProperties;
import dev.agentry.infra.postgres.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the Origin check, then the bearer-token check, in front of the MCP endpoint, and only there. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression(NodeProperties.NOT_WORKER)
class BearerTokenFilterConfiguration {

    @Bean
    FilterRegistrationBean<OriginFilter> originFilter(McpProperties properties) {
        FilterRegistrationBean<OriginFilter> registration =
                new FilterRegistrationBean<>(new OriginFilter(AllowedOrigins.loopbackAnd(properties.allowedOrigins())));
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setName("origin");
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(BearerTokenAuthenticator authenticator, SecurityProperties properties) {
        FailedAuthenticationThrottle throttle = new FailedAuthenticationThrottle(
                properties.maxFailedAuthentications(), properties.failedAuthenticationWindow());
        FilterRegistrationBean<BearerTokenFilter> registration =
                new FilterRegistrationBean<>(new BearerTokenFilter(authenticator, throttle));
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setName("bearerToken");
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
