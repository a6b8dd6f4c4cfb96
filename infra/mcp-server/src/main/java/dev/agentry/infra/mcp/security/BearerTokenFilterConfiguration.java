package dev.agentry.infra.mcp.security;

import dev.agentry.infra.postgres.node.NodeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the bearer-token check in front of the MCP endpoint, and only there. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnExpression(NodeProperties.NOT_WORKER)
class BearerTokenFilterConfiguration {

    @Bean
    FilterRegistrationBean<BearerTokenFilter> bearerTokenFilter(BearerTokenAuthenticator authenticator) {
        FilterRegistrationBean<BearerTokenFilter> registration = new FilterRegistrationBean<>(new BearerTokenFilter(authenticator));
        registration.addUrlPatterns("/mcp", "/mcp/*");
        registration.setName("bearerToken");
        registration.setAsyncSupported(true);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
