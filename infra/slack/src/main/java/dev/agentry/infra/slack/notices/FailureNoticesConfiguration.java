package dev.agentry.infra.slack.notices;

import dev.agentry.infra.postgres.node.NodeProperties;
import dev.agentry.infra.slack.SlackConnections;
import dev.agentry.infra.slack.SlackWebApi;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * Failure notices are sent where the platform acts by itself (an {@code all} or {@code worker} node, like
 * temporal-sync), not on an api node, which only answers MCP.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(NodeProperties.NOT_API)
class FailureNoticesConfiguration {

    private static final Duration PAUSE_BETWEEN_ATTEMPTS = Duration.ofSeconds(2);

    /** Axon finds the handler on the bean and runs it in the processor {@code failure-notices}. */
    @Bean
    FailureNoticeSender failureNoticeSender(SlackConnections connections, SlackWebApi slack, JdbcClient jdbc,
                                            PlatformTransactionManager transactions, CommandGateway commands) {
        TransactionTemplate ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new FailureNoticeSender(connections, slack, new NoticeAttempts(jdbc, ownTransaction, Clock.systemUTC()),
                commands, PAUSE_BETWEEN_ATTEMPTS);
    }
}
