package dev.agentry.infra.slack;

import dev.agentry.infra.secrets.SecretStore;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

    @Bean
    SlackWebApi slackWebApi(SlackProperties properties) {
        return new SlackWebApi(properties);
    }

    @Bean
    SlackConnections slackConnections(QueryGateway queries, SecretStore secrets) {
        return new SlackConnections(queries, secrets);
    }
}
